using System.Diagnostics;
using ReDo.Pure.Slurm;
using Xunit;
using ReDo.Shell.Files;

namespace ReDo.Properties.Examples.Slurm;

/// <summary>The array script: the options a cluster user sets become #SBATCH lines, bash reads it, and array index i runs tasks[i].</summary>
public class SlurmScriptExamples
{
    static readonly string[] Tasks = ["exp-breakout-dqn-seed1", "exp-breakout-redo-seed1", "shard-1/exp-asterix-dqn-seed2"];

    static SlurmScriptInput Input(SlurmOptions options, string[]? redo = null) =>
        new("exp", "quick", "/shared/queue", [.. redo ?? ["/usr/bin/dotnet", "/opt/redo/redo.dll"]], [.. Tasks], options, RunLayout.Summary);

    [Fact]
    public void Every_option_becomes_its_sbatch_line_and_the_array_has_one_task_per_spec()
    {
        var script = SlurmScript.Write(Input(new SlurmOptions("cpu", "proj-42", "1-12:00:00", 2, "4G", 8, ["--qos=long", "#SBATCH --constraint=avx2"], 300)));
        var sbatch = script.Split('\n').Where(l => l.StartsWith("#SBATCH")).ToList();
        Assert.Equal(
        [
            "#SBATCH --job-name=redo-exp", "#SBATCH --array=0-2%8", "#SBATCH --partition=cpu", "#SBATCH --account=proj-42",
            "#SBATCH --time=1-12:00:00", "#SBATCH --ntasks=1", "#SBATCH --cpus-per-task=2", "#SBATCH --mem=4G", "#SBATCH --requeue",
            "#SBATCH --signal=B:USR1@300", "#SBATCH --chdir=/shared/queue", "#SBATCH --output=/shared/queue/slurm/logs/%A_%a.out",
            "#SBATCH --open-mode=append", "#SBATCH --qos=long", "#SBATCH --constraint=avx2",
        ], sbatch);
        // sbatch stops reading #SBATCH lines at the first command: they must all come before it.
        var lines = script.Split('\n');
        int firstCommand = Array.FindIndex(lines, l => l.Length > 0 && !l.StartsWith('#'));
        Assert.True(Array.FindLastIndex(lines, l => l.StartsWith("#SBATCH")) < firstCommand);
        Assert.Equal(0, Bash(["-n"], script, new()).Exit);
    }

    [Fact]
    public void Without_partition_account_memory_or_limit_those_lines_are_left_out()
    {
        var script = SlurmScript.Write(Input(new SlurmOptions()));
        Assert.Contains("#SBATCH --array=0-2\n", script);
        Assert.DoesNotContain("--partition", script);
        Assert.DoesNotContain("--account", script);
        Assert.DoesNotContain("--mem", script);
        Assert.Contains("#SBATCH --time=24:00:00\n", script);
    }

    /// <summary>The script itself, run by bash with a stand-in for redo that prints its arguments: index i runs tasks[i] into runs/ beside its spec.</summary>
    [Fact]
    public void Bash_runs_the_spec_of_each_array_index_into_its_run_folder()
    {
        var script = SlurmScript.Write(Input(new SlurmOptions(), redo: ["echo", "redo"]));
        string[] expected =
        [
            "redo run-spec /shared/queue/exp-breakout-dqn-seed1.json --out /shared/queue/runs/exp-breakout-dqn-seed1",
            "redo run-spec /shared/queue/exp-breakout-redo-seed1.json --out /shared/queue/runs/exp-breakout-redo-seed1",
            "redo run-spec /shared/queue/shard-1/exp-asterix-dqn-seed2.json --out /shared/queue/shard-1/runs/exp-asterix-dqn-seed2",
        ];
        for (int i = 0; i < Tasks.Length; i++)
        {
            var (exit, output) = Bash([], script, new() { ["SLURM_ARRAY_TASK_ID"] = $"{i}", ["SLURM_ARRAY_JOB_ID"] = "12", ["SLURM_JOB_ID"] = $"{13 + i}" });
            Assert.Equal(0, exit);
            Assert.Contains($"task 12_{i} (job {13 + i}, restart 0)", output);
            Assert.Equal(expected[i], output.Split('\n').Single(l => l.StartsWith("redo ")));
        }
    }

    [Fact]
    public void A_failing_redo_fails_the_task_with_its_exit_code()
    {
        var script = SlurmScript.Write(Input(new SlurmOptions(), redo: ["false"]));
        Assert.Equal(1, Bash([], script, new() { ["SLURM_ARRAY_TASK_ID"] = "0", ["SLURM_ARRAY_JOB_ID"] = "1", ["SLURM_JOB_ID"] = "1" }).Exit);
    }

    [Fact]
    public void Quoting_keeps_any_word_as_it_is()
    {
        string[] words = ["plain", "with space", "it's", "a'b'c", "$HOME", "`date`", "back\\slash", "\"double\"", ""];
        var script = string.Join('\n', words.Select(w => $"printf '%s\\n' {SlurmScript.Quote(w)}")) + "\n";
        Assert.Equal(string.Join('\n', words) + "\n", Bash([], script, new()).Output);
    }

    [Theory]
    [InlineData("24", 24 * 60)]
    [InlineData("90:00", 90 * 60)]
    [InlineData("12:00:00", 12 * 3600)]
    [InlineData("2-00", 2 * 86_400)]
    [InlineData("1-06:30", 86_400 + 6 * 3600 + 30 * 60)]
    [InlineData("1-00:00:05", 86_405)]
    public void Slurm_time_limits_in_seconds(string time, long seconds) => Assert.Equal(seconds, SlurmOptions.Seconds(time));

    [Fact]
    public void Bad_options_are_named_with_their_fix()
    {
        var problems = new SlurmOptions("a b", null, "tomorrow", 0, "4GB", 0, ["--qos=long\n#SBATCH --x", "echo hi"], 120).Problems();
        Assert.Contains(problems, p => p.StartsWith("--partition 'a b'"));
        Assert.Contains(problems, p => p.StartsWith("--time 'tomorrow' is not a Slurm time limit; write minutes, HH:MM:SS"));
        Assert.Contains(problems, p => p.StartsWith("--cpus-per-task 0"));
        Assert.Contains(problems, p => p.StartsWith("--mem '4GB'"));
        Assert.Contains(problems, p => p.StartsWith("--max-running 0"));
        Assert.Equal(2, problems.Count(p => p.StartsWith("--sbatch")));
        Assert.Contains("leaves no running time", Assert.Single(new SlurmOptions(Time: "2").Problems()));   // 120 s, all of it warning
        Assert.Throws<ArgumentException>(() => SlurmScript.Write(Input(new SlurmOptions(Time: "x"))));
    }

    internal static (int Exit, string Output) Bash(string[] flags, string script, Dictionary<string, string> env)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var f in flags) info.ArgumentList.Add(f);
        info.ArgumentList.Add("-s");
        foreach (var (k, v) in env) info.Environment[k] = v;
        using var p = Process.Start(info)!;
        var error = p.StandardError.ReadToEndAsync();
        p.StandardInput.Write(script);
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output + error.Result);
    }
}
