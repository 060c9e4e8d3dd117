namespace ReDo.Pure.Schedules;

/// <summary>A count of steps whose type says what is counted, so that a period cannot be read in the wrong unit.</summary>
public interface IStepCount
{
    long Count { get; }
}

/// <summary>Gradient steps (updates): ReDo's F and window, dormancy logging, DQN's Reset, checkpoints.</summary>
public readonly record struct GradientSteps(long Count) : IStepCount
{
    public override string ToString() => $"{Count} gradient steps";
}

/// <summary>Environment steps (agent steps, one transition each): SAC's initial collect, Reset and evaluation.</summary>
public readonly record struct EnvironmentSteps(long Count) : IStepCount
{
    public override string ToString() => $"{Count} environment steps";
}
