using ReDo.NumPyRandom;
using ReDo.Pure.Games;

namespace ReDo.MinAtar;

/// <summary>
/// MinAtar's <c>Environment</c> wrapper (docs/specs/minatar-spec.md §2): sticky actions and one generator shared by the wrapper
/// and the game. Protocol as in the original: construct, <see cref="Seed"/>, <see cref="Reset"/>, then
/// <see cref="Act"/>, and <see cref="Reset"/> after each terminal step. Stepping allocates nothing.
/// </summary>
public sealed class MinAtarEnvironment
{
    readonly IGame _game;
    // The original starts from an entropy-seeded generator; a fixed seed keeps the core deterministic and
    // is irrelevant under the seeded protocol, which replaces the stream before the first reset that counts.
    readonly RandomState _random = new(0);
    GameAction _lastAction = GameAction.Noop;

    public MinAtarEnvironment(GameId game, EnvironmentOptions? options = null)
    {
        Options = options ?? EnvironmentOptions.Default;
        Info = GameInfo.Of(game);
        _game = GameFactory.Create(game, Options.DifficultyRamping);
        _game.Reset(_random);
    }

    /// <summary>Construct, seed, reset: the seeded protocol of the golden traces.</summary>
    public static MinAtarEnvironment Create(GameId game, uint seed, EnvironmentOptions? options = null)
    {
        var env = new MinAtarEnvironment(game, options);
        env.Seed(seed);
        env.Reset();
        return env;
    }

    public EnvironmentOptions Options { get; }
    public GameInfo Info { get; }
    public int Channels => Info.Channels;
    public bool IsTerminal => _game.IsTerminal;
    public int? DifficultyRamp => _game.DifficultyRamp;
    public GameAction LastAction => _lastAction;

    /// <summary>Number of actions the agent chooses from: 6, or the game's minimal set.</summary>
    public int ActionCount => Options.MinimalActionSet ? Info.MinimalActions.Length : 6;

    /// <summary>Restarts the shared stream (the wrapper and the game draw from it).</summary>
    public void Seed(uint seed) => _random.Seed(seed);

    /// <summary>Resets the game only; <c>last_action</c> survives (quirk).</summary>
    public void Reset() => _game.Reset(_random);

    /// <summary>Maps an agent's action index (into the active action set) to the full set.</summary>
    public GameAction ToGameAction(int action)
    {
        if ((uint)action >= (uint)ActionCount)
            throw new ArgumentOutOfRangeException(nameof(action), action, $"{Info.Name} takes actions 0…{ActionCount - 1}");
        return Options.MinimalActionSet ? Info.MinimalActions[action] : (GameAction)action;
    }

    /// <summary>One step with an index into the active action set.</summary>
    public StepResult Act(int action) => Act(ToGameAction(action));

    /// <summary>The sticky draw happens on every call, whatever the probability and even on a terminal game.</summary>
    public StepResult Act(GameAction action)
    {
        if (_random.Rand() < Options.StickyActionProbability) action = _lastAction;
        _lastAction = action;
        return _game.Step(action, _random);
    }

    public void Render(ref ObservationPlanes planes)
    {
        planes.Clear();
        _game.Render(ref planes);
    }

    /// <summary>C·100 floats, channel-major: dest[c·100 + y·10 + x].</summary>
    public void WriteObservation(Span<float> dest)
    {
        var planes = new ObservationPlanes();
        _game.Render(ref planes);
        ObservationLayout.WriteChannelsFirst(planes, Channels, dest);
    }

    /// <summary>The compact form, <see cref="ObservationLayout.ByteCount"/> bytes.</summary>
    public void WriteObservationBits(Span<byte> dest)
    {
        var planes = new ObservationPlanes();
        _game.Render(ref planes);
        ObservationLayout.WriteBits(planes, Channels, dest);
    }

    /// <summary>The golden traces' form: packbits of MinAtar's boolean [y][x][c] state.</summary>
    public void WritePackedState(Span<byte> dest)
    {
        var planes = new ObservationPlanes();
        _game.Render(ref planes);
        ObservationLayout.WritePackedHwc(planes, Channels, dest);
    }

    public EnvironmentSnapshot Capture()
    {
        var writer = new StateWriter();
        _game.Save(writer);
        return new(Options, new GameSnapshot(Info.Id, writer.ToImmutable()), _random.Capture(), _lastAction);
    }

    /// <summary>Rebuilds an environment exactly as captured.</summary>
    public static MinAtarEnvironment FromSnapshot(EnvironmentSnapshot snapshot)
    {
        var env = new MinAtarEnvironment(snapshot.Game.Game, snapshot.Options);
        env.Restore(snapshot);
        return env;
    }

    public void Restore(EnvironmentSnapshot snapshot)
    {
        if (snapshot.Game.Game != Info.Id)
            throw new ArgumentException($"the snapshot is of {GameInfo.Of(snapshot.Game.Game).Name}, this environment plays {Info.Name}.", nameof(snapshot));
        if (snapshot.Options != Options)
            throw new ArgumentException($"the snapshot was taken with {snapshot.Options}, this environment runs {Options}.", nameof(snapshot));
        var reader = new StateReader(snapshot.Game.Words.AsSpan());
        _game.Load(ref reader);
        reader.End();
        _random.Restore(snapshot.Random);
        _lastAction = snapshot.LastAction;
    }
}
