using System.CommandLine;
using ReDo.Shell.Config;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;

namespace ReDo.Shell.Cli;

/// <summary><c>redo train &lt;config.json&gt; [--set Section:Key=value …] [--out folder]</c>.</summary>
public sealed class TrainCommand(RunService runs, IRunFiles files) : ICliCommand
{
    public bool StopsWithCheckpoint => true;

    public Command Definition()
    {
        var config = new Argument<string>("config") { Description = "a config file, or the name of a shipped one (redo config list), e.g. minatar-breakout-dqn-redo" };
        var sets = CliOptions.Sets();
        var output = CliOptions.Text("--out", "run folder (default runs/<config>-seed<seed>-<UTC time>)");
        var command = new Command("train", "train an agent from a config: DQN or DrQ(ε) on MinAtar, SAC on MuJoCo (± ReDo, Reset, weight decay)") { config, sets, output };
        command.SetAction(r => Run(r.GetValue(config)!, r.GetValue(sets)!, r.GetValue(output)));
        return command;
    }

    public int Run(string configPath, IReadOnlyList<string> sets, string? outFolder)
    {
        configPath = ShippedFiles.Installed(files).Config(configPath);
        var config = ConfigLoader.Load(configPath, sets, files);
        outFolder ??= Path.Combine("runs", $"{Path.GetFileNameWithoutExtension(configPath)}-seed{config.Run.Seed}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        if (files.Exists(outFolder)) throw new CliError($"--out '{outFolder}' is a file; pass a folder for the run (it is created if missing).");
        if (files.Directories(outFolder).Count > 0 || files.Files(outFolder, "*").Any(f => !RunFolderLock.IsLockFile(f)))
        {
            if (files.Exists(Path.Combine(outFolder, RunLayout.Lock))) RunFolderLock.Take(outFolder).Dispose();   // a run being written says so
            throw new CliError($"run folder '{outFolder}' already holds files; choose another --out (nothing was overwritten).");
        }
        Console.WriteLine($"training {config.Run.Game}, {config.Run.Frames:N0} frames, replay ratio {config.Agent.ReplayRatio}, ReDo {(config.Redo.Enabled ? $"on (τ = {config.Redo.Tau}, F = {config.Redo.Period})" : "off")} → {outFolder}");
        // Ctrl+C / SIGTERM: the host cancels, the loop finishes its frame and checkpoints, exit 0.
        return runs.RunTraining((output, stop) => CrashRecovery.TrainWithRestarts(config, outFolder, files, output, stop));
    }
}
