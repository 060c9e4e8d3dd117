namespace ReDo.Shell.Runs;

/// <summary>
/// What a run reports when it finishes (written as summary.json) or stops (<see cref="Finished"/> false):
/// the final trailing mean of the last 100 training episodes (the MinAtar paper's measure), the greedy
/// evaluation (ε = Agent:EpsilonEval) and a uniformly random policy, both over the same environment seeds.
/// </summary>
public sealed record RunSummary(long Frames, long Updates, double FramesPerSecond, double EvalMeanReturn, double RandomPolicyMeanReturn, string RunFolder, bool Finished = true,
    double ReturnLast100 = double.NaN);
