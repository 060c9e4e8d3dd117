using ReDo.MinAtar;

namespace ReDo.Shell.Traces;

/// <summary>
/// Replays a golden trace through <see cref="MinAtarEnvironment"/> under the recorded protocol (construct,
/// seed, reset; act per step; reset after each terminal step) and stops at the first disagreement.
/// </summary>
public static class TraceVerifier
{
    public static TraceVerdict Verify(Trace trace)
    {
        var header = trace.Header;
        var env = MinAtarEnvironment.Create(header.Game.Id, header.Seed, header.Options);
        var actual = new byte[ObservationLayout.ByteCount(env.Channels)];
        var step = 0;
        foreach (var record in trace.Records)
        {
            var result = default(StepResult);
            if (record.IsReset)
            {
                // The first reset is part of Create; later ones follow a terminal step.
                if (step > 0) env.Reset();
            }
            else
            {
                step++;
                result = env.Act(record.Action);
            }
            env.WritePackedState(actual);
            if (result.Reward != record.Reward || result.Terminal != record.Terminal || !actual.AsSpan().SequenceEqual(record.State))
                return new TraceVerdict(trace, new Divergence(record.Line, step, record.IsReset ? null : record.Action,
                    record.Reward, result.Reward, record.Terminal, result.Terminal, Differences(header.Game, record.State, actual)));
        }
        return new TraceVerdict(trace, null);
    }

    static List<CellDifference> Differences(GameInfo game, byte[] expected, byte[] actual)
    {
        var cells = new List<CellDifference>();
        var channels = game.Channels;
        // Channel by channel, then row-major, so a moved object reads as a pair of lines.
        for (var c = 0; c < channels; c++)
            for (var cell = 0; cell < Grid.Cells; cell++)
            {
                var k = cell * channels + c;
                var e = ObservationLayout.PackedBit(expected, k);
                var a = ObservationLayout.PackedBit(actual, k);
                if (e != a) cells.Add(new CellDifference(game.ChannelNames[c], cell / Grid.Size, cell % Grid.Size, e));
            }
        return cells;
    }
}
