using System.Globalization;
using System.Text.Json;
using ReDo.MinAtar;
using ReDo.Shell.Files;

namespace ReDo.Shell.Traces;

/// <summary>
/// Reads golden trace files (docs/specs/minatar-spec.md §14.2) and checks their structure: a known game, a channel count that
/// matches it, state strings of the right length, R lines exactly where the protocol puts them, and as many
/// S lines as the header promises. Every problem is a <see cref="TraceFormatException"/> naming file and line.
/// </summary>
public static class TraceReader
{
    public const string Format = "minatar-trace/1";

    public static Trace Read(IRunFiles files, string path)
    {
        string[] lines;
        try
        {
            lines = files.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TraceFormatException(path, 0, $"cannot be read ({e.Message}).");
        }
        if (lines.Length == 0) throw new TraceFormatException(path, 1, "the file is empty; a trace starts with a JSON header line.");
        var header = ReadHeader(path, lines[0]);
        var records = new List<TraceRecord>(lines.Length);
        var hexLength = 2 * ObservationLayout.ByteCount(header.Game.Channels);
        var resetDue = true;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = i + 1;
            var record = ReadRecord(path, line, lines[i], hexLength);
            if (record.IsReset != resetDue)
                throw new TraceFormatException(path, line, resetDue
                    ? "expected an R line (the trace starts with one and has one after every terminal step)."
                    : "an R line may only follow a terminal step.");
            resetDue = !record.IsReset && record.Terminal;
            records.Add(record);
        }
        var steps = records.Count(r => !r.IsReset);
        var last = lines.Length;
        if (resetDue)
            throw new TraceFormatException(path, last, "the file ends after a terminal step without its R line; it is truncated.");
        if (steps != header.Steps)
            throw new TraceFormatException(path, last, $"the header promises {header.Steps} steps, the file has {steps}; it is truncated or was edited.");
        return new Trace(path, header, records);
    }

    static TraceHeader ReadHeader(string path, string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var format = root.GetProperty("format").GetString();
            if (format != Format)
                throw new TraceFormatException(path, 1, $"format '{format}' is not '{Format}'.");
            var name = root.GetProperty("game").GetString() ?? "";
            var game = GameInfo.Find(name) ?? throw new TraceFormatException(path, 1,
                $"unknown game '{name}'; known games: {GameInfo.Names}.");
            var channels = root.GetProperty("channels").GetInt32();
            if (channels != game.Channels)
                throw new TraceFormatException(path, 1, $"the header says {channels} channels, but {name} has {game.Channels}.");
            return new TraceHeader(game, root.GetProperty("seed").GetUInt32(), root.GetProperty("sticky_action_prob").GetDouble(),
                root.GetProperty("difficulty_ramping").GetBoolean(), root.GetProperty("steps").GetInt32());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new TraceFormatException(path, 1, $"the header is not a trace header ({e.Message}); expected the JSON object of docs/specs/minatar-spec.md §14.2.");
        }
    }

    static TraceRecord ReadRecord(string path, int line, string text, int hexLength)
    {
        var fields = text.Split(' ');
        if (fields is ["R", var reset])
            return new TraceRecord(line, true, GameAction.Noop, 0, false, ReadState(path, line, reset, hexLength));
        if (fields is not ["S", var action, var reward, var terminal, var state])
            throw new TraceFormatException(path, line, "expected 'R <state>' or 'S <action> <reward> <terminal> <state>'.");
        if (action is not ("0" or "1" or "2" or "3" or "4" or "5"))
            throw new TraceFormatException(path, line, $"action '{action}' is not one of 0…5.");
        if (!int.TryParse(reward, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var r))
            throw new TraceFormatException(path, line, $"reward '{reward}' is not an integer.");
        if (terminal is not ("0" or "1"))
            throw new TraceFormatException(path, line, $"terminal '{terminal}' is not 0 or 1.");
        return new TraceRecord(line, false, (GameAction)(action[0] - '0'), r, terminal == "1", ReadState(path, line, state, hexLength));
    }

    static byte[] ReadState(string path, int line, string hex, int hexLength)
    {
        if (hex.Length != hexLength)
            throw new TraceFormatException(path, line, $"the state has {hex.Length} hex digits; this game's channel count needs {hexLength}.");
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new TraceFormatException(path, line, "the state is not hexadecimal.");
        }
    }
}
