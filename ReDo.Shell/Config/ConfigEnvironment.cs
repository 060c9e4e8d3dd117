using ReDo.Pure.Config;
using ReDo.MinAtar;

namespace ReDo.Shell.Config;

/// <summary>
/// The MinAtar game and wrapper options a config names. Extension methods, not properties, so that
/// they never appear in the serialised config.json (which is bound back strictly on resume).
/// </summary>
public static class ConfigEnvironment
{
    /// <summary>The game of Run:Game (validated configs always name one).</summary>
    public static GameId GameId(this RunSettings run) =>
        (GameInfo.Find(run.Game)
         ?? (Pure.Control.ControlTasks.Find(run.Game) is not null
             ? throw new Cli.CliError($"Run:Game = {run.Game} is a MuJoCo task (Agent:Kind = sac): this command runs MinAtar games only; SAC runs train with `redo train`, `redo resume` and the worker (docs/sac.md)")
             : throw new ArgumentException($"unknown game {run.Game}; use one of {GameInfo.Names}"))).Id;

    public static EnvironmentOptions ToEnvironmentOptions(this EnvSettings env) =>
        new(env.StickyActionProbability, env.DifficultyRamping, env.MinimalActionSet);
}
