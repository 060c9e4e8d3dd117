using ReDo.Shell.Cli;
using Xunit;
using ReDo.Shell.Traces;

namespace ReDo.Golden.MinAtar;

/// <summary>Damaged trace files give an error naming file and line; a changed trace gives a readable divergence.</summary>
public sealed class TraceErrorTests : IDisposable
{
    const string Source = "asterix-seed0-sticky0.1-ramp1.trace";
    readonly string _dir = Directory.CreateTempSubdirectory("redo-trace-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    string[] Lines() => File.ReadAllLines(GoldenData.File(Source));

    string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    TraceFormatException ReadFails(string path) => Assert.Throws<TraceFormatException>(() => TraceReader.Read(GoldenData.Disk, path));

    [Fact]
    public void Truncated_trace_names_file_and_last_line()
    {
        var lines = Lines()[..1500];
        var path = Write("truncated.trace", lines);
        var e = ReadFails(path);
        Assert.Equal(1500, e.Line);
        Assert.Contains($"{path}:1500:", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Line_cut_in_the_middle_of_a_state_names_that_line()
    {
        var lines = Lines();
        lines[9] = lines[9][..40];
        var e = ReadFails(Write("cut.trace", lines));
        Assert.Equal(10, e.Line);
        Assert.Contains("hex digits", e.Message);
    }

    [Theory]
    [InlineData("\"asterix\"", "\"pong\"", "unknown game 'pong'")]
    [InlineData("\"channels\": 4", "\"channels\": 6", "6 channels, but asterix has 4")]
    [InlineData("minatar-trace/1", "minatar-trace/2", "format 'minatar-trace/2'")]
    public void Header_problems_are_named_on_line_1(string from, string to, string problem)
    {
        var lines = Lines();
        lines[0] = lines[0].Replace(from, to);
        var e = ReadFails(Write("header.trace", lines));
        Assert.Equal(1, e.Line);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void States_sized_for_another_game_are_named_by_line()
    {
        var lines = Lines();
        lines[0] = lines[0].Replace("\"asterix\"", "\"seaquest\"").Replace("\"channels\": 4", "\"channels\": 10");
        var e = ReadFails(Write("sizes.trace", lines));
        Assert.Equal(2, e.Line);
        Assert.Contains("100 hex digits; this game's channel count needs 250", e.Message);
    }

    [Theory]
    [InlineData("S 7 0 0 ", "action '7'")]
    [InlineData("S 1 x 0 ", "reward 'x'")]
    [InlineData("S 1 0 2 ", "terminal '2'")]
    [InlineData("X ", "expected 'R <state>'")]
    public void Malformed_record_is_named_by_line(string prefix, string problem)
    {
        var lines = Lines();
        lines[4] = prefix + lines[4].Split(' ')[^1];
        var e = ReadFails(Write("bad.trace", lines));
        Assert.Equal(5, e.Line);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Header_that_is_not_json_is_named()
    {
        var lines = Lines();
        lines[0] = "{not json";
        Assert.Equal(1, ReadFails(Write("json.trace", lines)).Line);
    }

    [Fact]
    public void Changed_cell_is_reported_with_step_action_channel_and_cell()
    {
        var lines = Lines();
        // Line 6 is an S line; set the bit of (y 0, x 0, enemy) in its state.
        var fields = lines[5].Split(' ');
        var state = Convert.FromHexString(fields[^1]);
        state[0] ^= 0x40; // bit 1 = (row 0, col 0, channel 1)
        fields[^1] = Convert.ToHexString(state).ToLowerInvariant();
        lines[5] = string.Join(' ', fields);
        var verdict = TraceVerifier.Verify(TraceReader.Read(GoldenData.Disk, Write("changed.trace", lines)));
        Assert.False(verdict.Ok);
        var d = verdict.Divergence!;
        Assert.Equal(6, d.Line);
        Assert.Equal(4, d.Step); // line 1 header, line 2 the first R, line 3 step 1
        Assert.Equal([new CellDifference("enemy", 0, 0, true)], d.Cells);
        var report = TraceReport.Format(verdict);
        Assert.Contains("at step 4 (action", report);
        Assert.Contains("enemy at (y 0, x 0): expected 1, actual 0", report);
    }

    [Fact]
    public void Verify_command_reports_unreadable_files_without_a_stack_trace()
    {
        var path = Write("truncated.trace", Lines()[..100]);
        var error = new StringWriter();
        var output = new StringWriter();
        int exit;
        lock (ConsoleLock.Gate)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            Console.SetOut(output);
            Console.SetError(error);
            try
            {
                exit = new RedoCli([new MinAtarCommand(GoldenData.Disk)], []).Run(["minatar", "verify", path]);
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
        Assert.Equal(2, exit);
        Assert.Contains($"{path}:100:", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());
    }
}

/// <summary>Tests that swap the process-wide console take this lock.</summary>
static class ConsoleLock
{
    public static readonly object Gate = new();
}
