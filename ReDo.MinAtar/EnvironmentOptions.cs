namespace ReDo.MinAtar;

/// <summary>The wrapper's settings; the defaults are MinAtar's (and the published results'): 0.1 sticky, ramping on, all six actions.</summary>
public sealed record EnvironmentOptions(double StickyActionProbability = 0.1, bool DifficultyRamping = true, bool MinimalActionSet = false)
{
    public static readonly EnvironmentOptions Default = new();

    /// <summary>The wrapper options of a config's Env section.</summary>
    public static EnvironmentOptions From(Pure.Config.EnvSettings env) => new(env.StickyActionProbability, env.DifficultyRamping, env.MinimalActionSet);
}
