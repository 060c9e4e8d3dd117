namespace ReDo.Pure.Control;

/// <summary>One step's reward and its parts (Gymnasium v4: forward + healthy − control cost).</summary>
public sealed record RewardTerms(double Forward, double Healthy, double ControlCost)
{
    public double Total => Forward + Healthy - ControlCost;
}

/// <summary>What one agent step of a task produced.</summary>
public sealed record ControlStep(Collections.ValueList<double> Observation, RewardTerms Reward, bool Terminated, bool Truncated);
