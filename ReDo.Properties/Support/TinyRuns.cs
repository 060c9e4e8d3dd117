using ReDo.Pure.Games;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using System.Collections.Concurrent;
using ReDo.Pure.Config;
using ReDo.Pure.Networks;
using ReDo.Shell.Config;
using Xunit;

namespace ReDo.Properties;

/// <summary>
/// Short real training runs (Breakout, ReDo on, a few seconds each) and their uninterrupted
/// references, computed once per config in this process. "Same result" means byte-identical final
/// weights, metrics.csv and dormancy-log.txt.
/// </summary>
public static class TinyRuns
{
    static readonly string Root = Directory.CreateTempSubdirectory("redo-resume-tests-").FullName;
    static readonly ConcurrentDictionary<string, Lazy<string>> References = new();

    static TinyRuns()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(Root, true); } catch (IOException) { } };
        File.WriteAllText(Path.Combine(Root, OwnerFile), Environment.ProcessId.ToString());
        SweepOrphans();
    }

    const string OwnerFile = "owner.pid";

    /// <summary>
    /// A killed test process never runs ProcessExit, and its ≈ 300 MB of runs stayed in /tmp until the
    /// disk filled (it did, on a shared machine). Each new process removes the folders whose owner
    /// is gone: a recorded pid that no longer runs, or no record and untouched for 6 hours.
    /// </summary>
    static void SweepOrphans()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "redo-resume-tests-*"))
        {
            if (folder == Root) continue;
            try
            {
                var owner = Path.Combine(folder, OwnerFile);
                bool orphan = File.Exists(owner)
                    ? int.TryParse(File.ReadAllText(owner), out var pid) && !Running(pid)
                    : Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddHours(-6);
                if (orphan) Directory.Delete(folder, true);
            }
            catch (IOException) { }               // another process is sweeping or writing it: leave it
            catch (UnauthorizedAccessException) { }
        }
    }

    static bool Running(int pid)
    {
        try { using var p = System.Diagnostics.Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }

    public static ExperimentConfig Config(long frames = 2_000, int seed = 5) => new()
    {
        Run = new RunSettings { Game = Game.Of(GameId.Breakout), Frames = frames, Seed = seed, LogEvery = 250, EvalEpisodes = 1, CheckpointEvery = 250, KeepCheckpoints = 3 },
        Agent = new DqnSettings { MinReplayHistory = 500, ReplayCapacity = 3_000, EpsilonDecayPeriod = 1_500, TargetUpdatePeriod = 200, Redo = new() { ProbeSize = 32 } },
        Redo = new RedoSettings { Enabled = true, Period = 300, LogPeriod = 250 },
    };

    /// <summary>The tiny run as DrQ(ε) (docs/drq.md): dueling, double DQN, shift augmentation, n = 10, target period 1, at RR 2.</summary>
    public static ExperimentConfig DrqConfig(long frames = 2_000) => Config(frames) with
    {
        Agent = new DrqSettings(Config(frames).Dqn)
        {
            Network = NetworkProfile.MinAtarDueling, DoubleDqn = true, UpdateHorizon = 10, TargetUpdatePeriod = 1,
            ReplayRatio = 2, Optimizer = OptimizerKind.Adam, LearningRate = 1e-4, EpsilonEnd = 0.01,
        },
    };

    public static string NewFolder(string tag) => Path.Combine(Root, $"{tag}-{Guid.NewGuid():N}"[..(tag.Length + 9)]);

    /// <summary>The folder of an uninterrupted in-process run of <paramref name="config"/>.</summary>
    public static string Reference(ExperimentConfig config) =>
        References.GetOrAdd(ConfigLoader.ToJson(config), _ => new Lazy<string>(() =>
        {
            var folder = NewFolder("reference");
            Runner.TrainNew(config, folder, TestDisk.Files, TextWriter.Null);
            return folder;
        })).Value;

    public static string WriteConfigFile(ExperimentConfig config)
    {
        var path = Path.Combine(Root, $"config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, ConfigLoader.ToJson(config));
        return path;
    }

    public static void AssertSameResult(string expectedFolder, string actualFolder)
    {
        Assert.True(File.ReadAllBytes(Path.Combine(expectedFolder, RunLayout.Metrics)).AsSpan()
            .SequenceEqual(File.ReadAllBytes(Path.Combine(actualFolder, RunLayout.Metrics))), $"metrics.csv of {actualFolder} differs from {expectedFolder}");
        Assert.True(File.ReadAllBytes(Path.Combine(expectedFolder, RunLayout.DormancyLog)).AsSpan()
            .SequenceEqual(File.ReadAllBytes(Path.Combine(actualFolder, RunLayout.DormancyLog))), $"{RunLayout.DormancyLog} of {actualFolder} differs from {expectedFolder}");
        Assert.True(File.ReadAllBytes(Path.Combine(expectedFolder, RunLayout.Weights)).AsSpan()
            .SequenceEqual(File.ReadAllBytes(Path.Combine(actualFolder, RunLayout.Weights))), $"{RunLayout.Weights} of {actualFolder} differs from {expectedFolder}");
        // TensorBoard (one event file per session): the same points, none lost or duplicated across resumes.
        var expectedScalars = TfRecordReader.Scalars(expectedFolder);
        Assert.NotEmpty(expectedScalars);
        Assert.Equal(expectedScalars, TfRecordReader.Scalars(actualFolder));
    }

    /// <summary>A copy of the tiny reference run without its end products (summary, weights): resuming it writes them.</summary>
    public static string UnfinishedCopy(string tag)
    {
        var folder = NewFolder(tag);
        CopyFolder(Reference(Config()), folder);
        foreach (var f in new[] { RunLayout.Summary, RunLayout.Weights }) File.Delete(Path.Combine(folder, f));
        return folder;
    }

    /// <summary>Every file below <paramref name="folder"/> but lock files, by relative path: to show a refused command changed nothing.</summary>
    public static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(f => !RunFolderLock.IsLockFile(Path.GetFileName(f)))
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    public static void AssertUnchanged(Dictionary<string, byte[]> before, string folder)
    {
        var after = Snapshot(folder);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (name, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[name]), $"{name} changed");
    }

    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
