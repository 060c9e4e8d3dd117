using System.Text.Json;
using ReDo.MinAtar;
using ReDo.Pure.Games;
using ReDo.Shell.Checkpoints;

namespace ReDo.Shell.Environments;

/// <summary>
/// Non-stationary play (Env:Cycle): the cycle's MinAtar games take turns every
/// <see cref="GameCycle.Period"/> frames, round and round. Every game takes all 6 actions, and its
/// planes fill the first channels of an observation with as many channels as the widest game
/// (Seaquest's 10); the rest stay zero. At the end of a turn the running episode is cut
/// (Truncated) and the next game's episode starts. Game k is seeded Run:Seed + k.
/// </summary>
public sealed class GameCycleTask : IEnvironment<MinAtarObservation, int>
{
    readonly GameCycle _cycle;
    readonly MinAtarEnvironment[] _games;
    long _frames;
    int _active;

    public GameCycleTask(GameCycle cycle, uint seed, EnvironmentOptions options)
    {
        _cycle = cycle;
        _games = [.. cycle.Games.Select((g, k) => MinAtarEnvironment.Create(g, seed + (uint)k, options))];
        Channels = _games.Max(g => g.Channels);
    }

    /// <summary>Channels of every observation: the widest game's.</summary>
    public int Channels { get; }

    /// <summary>Actions: all 6 of MinAtar's (Env:MinimalActionSet is refused with a cycle).</summary>
    public int ActionCount => _games[0].ActionCount;

    /// <summary>The game now playing.</summary>
    public GameId Playing => _cycle.Games[_active];

    public MinAtarObservation Observe()
    {
        var game = _games[_active];
        var planes = new float[ObservationLayout.FloatCount(Channels)];
        var bits = new byte[ObservationLayout.ByteCount(Channels)];
        // Channel-major layouts: a game with fewer channels is a prefix of the padded observation.
        game.WriteObservation(planes.AsSpan(0, ObservationLayout.FloatCount(game.Channels)));
        game.WriteObservationBits(bits.AsSpan(0, ObservationLayout.ByteCount(game.Channels)));
        return new MinAtarObservation(planes, bits);
    }

    public EnvironmentStep Step(int action)
    {
        var result = _games[_active].Act(action);
        _frames++;
        return new EnvironmentStep(result.Reward, result.Terminal, Truncated: !result.Terminal && _cycle.EndsSegment(_frames));
    }

    /// <summary>The next episode, of the game whose turn it is.</summary>
    public void Reset()
    {
        _active = _cycle.IndexAt(_frames);
        _games[_active].Reset();
    }

    public JsonElement Capture() =>
        JsonSerializer.SerializeToElement(new CycleState(_frames, _active, [.. _games.Select(g => g.Capture())]), CheckpointJson.Options);

    public void Restore(JsonElement state)
    {
        var s = state.Deserialize<CycleState>(CheckpointJson.Options) ?? throw new InvalidDataException("the checkpoint's environment state is empty");
        if (s.Games is null || s.Games.Length != _games.Length || s.Active < 0 || s.Active >= _games.Length)
            throw new InvalidDataException($"the checkpoint's environment state is not of this {_games.Length}-game cycle");
        for (int k = 0; k < _games.Length; k++) _games[k].Restore(s.Games[k]);
        (_frames, _active) = (s.Frames, s.Active);
    }

    sealed record CycleState(long Frames, int Active, EnvironmentSnapshot[] Games);
}
