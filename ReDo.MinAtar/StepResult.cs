namespace ReDo.MinAtar;

/// <summary>What one <c>act()</c> returns: an integer reward and the terminal flag.</summary>
public readonly record struct StepResult(int Reward, bool Terminal);
