using ReDo.Shell.Agents;
using ReDo.Shell.Config;
using ReDo.Shell.Runs;

namespace ReDo.Shell.Cli;

/// <summary><c>redo train &lt;config.json&gt; [--set Section:Key=value …] [--out folder]</c>.</summary>
public sealed class TrainCommand : ICommand
{
    public string Name => "train";
    public string Summary => "train DQN (± ReDo, Reset, weight decay) on MinAtar from a config: train <config.json> [--set K=V …] [--out folder]";

    public int Run(IReadOnlyList<string> argv)
    {
        var (configPath, sets, rest) = SplitSets(argv);
        var a = new Args(rest);
        var outFolder = a.String("out");
        a.RejectUnknown();
        if (configPath is null) throw new CliError("name a config file, e.g. redo train configs/minatar-breakout-dqn-redo.json.");
        var config = ConfigLoader.Load(configPath, sets);
        outFolder ??= Path.Combine("runs", $"{Path.GetFileNameWithoutExtension(configPath)}-seed{config.Run.Seed}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        if (Directory.Exists(outFolder) && Directory.EnumerateFileSystemEntries(outFolder).Any())
            throw new CliError($"run folder '{outFolder}' already holds files; choose another --out (nothing was overwritten).");
        Console.WriteLine($"training {config.Run.Game}, {config.Run.Frames:N0} frames, replay ratio {config.Agent.ReplayRatio}, ReDo {(config.Redo.Enabled ? $"on (τ = {config.Redo.Tau}, F = {config.Redo.Period})" : "off")} → {outFolder}");
        // Ctrl+C / SIGTERM: the host cancels, the loop finishes its frame and checkpoints, exit 0.
        return HostedTraining.Run((output, stop) => CrashRecovery.Train(config, outFolder, output, stop));
    }

    /// <summary>Takes every "--set K=V" out of the arguments (it may repeat); returns the config path, the sets, and the rest.</summary>
    public static (string? Config, List<string> Sets, List<string> Others) SplitSets(IReadOnlyList<string> argv)
    {
        var sets = new List<string>();
        var rest = new List<string>();
        string? config = null;
        for (int i = 0; i < argv.Count; i++)
        {
            if (argv[i] == "--set")
            {
                if (i + 1 >= argv.Count) throw new CliError("--set needs Section:Key=value after it.");
                sets.Add(argv[++i]);
            }
            else if (!argv[i].StartsWith("--") && config is null && (i == 0 || !argv[i - 1].StartsWith("--"))) config = argv[i];
            else rest.Add(argv[i]);
        }
        return (config, sets, rest);
    }
}
