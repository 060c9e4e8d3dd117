using ReDo.NumPyRandom;

namespace ReDo.MinAtar;

/// <summary>
/// One game's rules over its own mutable state. Deterministic: every random draw comes from the
/// generator passed in (the environment's single shared <c>RandomState</c>).
/// </summary>
public interface IGame
{
    GameInfo Info { get; }
    bool IsTerminal { get; }

    /// <summary>Current ramp index for ramping games, null for Breakout and Freeway.</summary>
    int? DifficultyRamp { get; }

    void Reset(RandomState random);

    /// <summary>One step; a terminal game returns (0, true) and changes nothing.</summary>
    StepResult Step(GameAction action, RandomState random);

    /// <summary>Paints the observation into cleared planes.</summary>
    void Render(ref ObservationPlanes planes);

    /// <summary>Writes the full state as integers (see <see cref="GameSnapshot"/>).</summary>
    void Save(StateWriter writer);

    /// <summary>Replaces the full state by one written with <see cref="Save"/>.</summary>
    void Load(ref StateReader reader);
}
