using ReDo.Pure.Agents;
using ReDo.Pure.Config;
using ReDo.Pure.Games;

namespace ReDo.Properties;

/// <summary>A SAC run configuration for tests: the given Sac section, ReDo off unless given, Reset (when given) of every layer.</summary>
static class SacConfig
{
    public static ExperimentConfig Of(SacSettings sac, int seed, RedoSettings? redo = null, long resetPeriod = 0, string task = "hopper") => new()
    {
        Run = new() { Game = Game.Parse(task), Seed = seed },
        Agent = sac,
        Redo = redo ?? new() { Tau = 0, Period = 200_000, LogPeriod = 10_000 },
        Reset = new() { Enabled = resetPeriod > 0, Period = Math.Max(1, resetPeriod), Layers = ConfigValidation.SacLayers },
    };
}
