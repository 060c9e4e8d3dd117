namespace ReDo.Pure.Schedules;

/// <summary>What a period counts.</summary>
public enum StepUnit
{
    GradientSteps,
    EnvironmentSteps,
}

public static class StepUnitWords
{
    /// <summary>The unit in words, singular or plural ("gradient step", "environment steps").</summary>
    public static string Words(this StepUnit unit, long count = 2) =>
        (unit == StepUnit.GradientSteps ? "gradient step" : "environment step") + (count == 1 ? "" : "s");
}

/// <summary>A count of steps whose type says what is counted, so that a period cannot be read in the wrong unit.</summary>
public interface IStepCount
{
    long Count { get; }
}

/// <summary>Gradient steps (updates): ReDo's F and window, dormancy logging, DQN's Reset, checkpoints.</summary>
public readonly record struct GradientSteps(long Count) : IStepCount
{
    public override string ToString() => $"{Count} {StepUnit.GradientSteps.Words(Count)}";
}

/// <summary>Environment steps (agent steps, one transition each): SAC's initial collect, Reset and evaluation.</summary>
public readonly record struct EnvironmentSteps(long Count) : IStepCount
{
    public override string ToString() => $"{Count} {StepUnit.EnvironmentSteps.Words(Count)}";
}
