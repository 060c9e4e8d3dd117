using ReDo.Pure.Config;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using ReDo.Pure.Networks;
using Xunit;

namespace ReDo.Properties.Integration.Resume;

/// <summary>
/// A run stopped anywhere and resumed ends with the same weights and metrics.csv, byte for byte, as
/// the uninterrupted run: stopped in-process, stopped by SIGTERM, and killed with kill -9 at a random
/// moment (then continued by `redo resume` in-process).
/// </summary>
[Collection(ResumeCollection.Name)]
public class ExactResumeTests
{
    [Theory]
    [InlineData(0)]      // before the first frame: only the start checkpoint exists
    [InlineData(1_700)]  // somewhere in the warm-up or the first updates, mid-interval as a rule
    [InlineData(3_000)]  // later, with recycling and target syncs behind it
    public void Stopping_and_resuming_in_process_gives_the_uninterrupted_result(int stopAfterMs)
    {
        var config = TinyRuns.Config();
        var reference = TinyRuns.Reference(config);
        var folder = TinyRuns.NewFolder("stop");
        using var stop = new CancellationTokenSource();
        if (stopAfterMs == 0) stop.Cancel(); else stop.CancelAfter(stopAfterMs);
        var first = Runner.TrainNew(config, folder, TestDisk.Files, TextWriter.Null, stop.Token);
        if (!first.Finished) Assert.False(File.Exists(Path.Combine(folder, RunLayout.Weights)));

        var resumed = first.Finished ? first : Runner.Resume(folder, TestDisk.Files, TextWriter.Null);
        Assert.True(resumed.Finished);
        TinyRuns.AssertSameResult(reference, folder);
    }

    /// <summary>With intensity noise on as well (Agent:IntensityNoise, docs/drq.md): its factors come from the agent's generator, so they resume too.</summary>
    [Theory]
    [InlineData(1_500, 0.0)]
    [InlineData(4_000, 0.0)]
    [InlineData(2_500, 0.05)]
    public void Drq_stopped_and_resumed_in_process_gives_the_uninterrupted_result(int stopAfterMs, double intensityNoise)
    {
        var drq = TinyRuns.DrqConfig();
        var config = drq with { Agent = (DrqSettings)drq.Agent with { IntensityNoise = intensityNoise } };
        var reference = TinyRuns.Reference(config);
        if (intensityNoise > 0)   // the setting reaches the agent: the noisy run learns differently from the shift-only one
            Assert.False(File.ReadAllBytes(Path.Combine(reference, RunLayout.Weights)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(TinyRuns.Reference(TinyRuns.DrqConfig()), RunLayout.Weights))), "Agent:IntensityNoise = 0.05 changed nothing");
        StopAfterThenResume(config, "drq-stop", stopAfterMs, reference);
    }

    /// <summary>Non-stationary play (Env:Cycle) on the deeper net: the cycle's position and every game's state resume too.</summary>
    [Theory]
    [InlineData(1_500)]
    [InlineData(4_000)]
    public void A_game_cycle_on_the_deep_net_stopped_and_resumed_gives_the_uninterrupted_result(int stopAfterMs)
    {
        var tiny = TinyRuns.Config();
        var config = tiny with
        {
            Agent = tiny.Dqn with { Network = NetworkProfile.MinAtarDeep, Env = tiny.Dqn.Env with { Cycle = "breakout,seaquest,freeway", CyclePeriod = 300 } },
        };
        var reference = TinyRuns.Reference(config);
        Assert.True(File.ReadAllLines(Path.Combine(reference, RunLayout.Metrics)).Length > 2);
        StopAfterThenResume(config, "cycle-stop", stopAfterMs, reference);
    }

    /// <summary>Trains <paramref name="config"/> in-process, stopped after <paramref name="stopAfterMs"/> (or finished), resumes, and compares with the reference.</summary>
    static void StopAfterThenResume(ExperimentConfig config, string tag, int stopAfterMs, string reference)
    {
        var folder = TinyRuns.NewFolder(tag);
        using var stop = new CancellationTokenSource(stopAfterMs);
        var first = Runner.TrainNew(config, folder, TestDisk.Files, TextWriter.Null, stop.Token);
        var resumed = first.Finished ? first : Runner.Resume(folder, TestDisk.Files, TextWriter.Null);
        Assert.True(resumed.Finished);
        TinyRuns.AssertSameResult(reference, folder);
    }

    [Fact]
    public void Sigterm_stops_with_a_checkpoint_and_exit_code_0_and_resume_is_exact()
    {
        var config = TinyRuns.Config(frames: 2_500);   // 1,750 frames left after the third progress line: the signal lands mid-run
        var folder = TinyRuns.NewFolder("sigterm");
        using var child = RedoProcess.Start("train", TinyRuns.WriteConfigFile(config), "--out", folder);
        Assert.True(child.WaitUntil(() => ProgressLines(folder) >= 3, TimeSpan.FromSeconds(60)), child.Output);
        child.Terminate();
        Assert.Equal(0, child.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Contains("stopped at frame", child.Output);
        Assert.Contains("redo resume", child.Output);

        Runner.Resume(folder, TestDisk.Files, TextWriter.Null);
        TinyRuns.AssertSameResult(TinyRuns.Reference(config), folder);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Kill_9_at_a_random_moment_then_resume_is_exact(int seed)
    {
        var config = TinyRuns.Config(frames: 2_500);
        var folder = TinyRuns.NewFolder("kill");
        using (var child = RedoProcess.Start("train", TinyRuns.WriteConfigFile(config), "--out", folder))
        {
            Assert.True(child.WaitUntil(() => ProgressLines(folder) >= 1, TimeSpan.FromSeconds(60)), child.Output);
            Thread.Sleep(new Random(seed).Next(0, 2_500));   // anywhere in the run, including mid-checkpoint
            child.KillHard();
            child.WaitForExit(TimeSpan.FromSeconds(30));
        }
        if (Runner.FinishedSummary(folder, TestDisk.Files) is null) Runner.Resume(folder, TestDisk.Files, TextWriter.Null);
        TinyRuns.AssertSameResult(TinyRuns.Reference(config), folder);
    }

    static int ProgressLines(string folder)
    {
        try { return File.ReadAllLines(Path.Combine(folder, RunLayout.Progress)).Length - 1; }
        catch (IOException) { return 0; }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ResumeCollection { public const string Name = "resume (real training runs)"; }
