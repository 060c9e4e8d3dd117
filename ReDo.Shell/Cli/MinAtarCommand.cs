using System.CommandLine;
using ReDo.MinAtar;
using ReDo.Shell.Files;
using ReDo.Shell.Play;
using ReDo.Shell.Traces;

namespace ReDo.Shell.Cli;

/// <summary><c>redo minatar verify|play</c>: replay golden traces, or watch/play a game in the terminal.</summary>
public sealed class MinAtarCommand(IRunFiles files) : ICliCommand
{
    const string VerifyUsage = "redo minatar verify <trace files or folders>";

    public Command Definition()
    {
        var traces = new Argument<string[]>("traces") { Description = "trace files or folders of them", Arity = ArgumentArity.ZeroOrMore };
        var verify = new Command("verify", "replay golden traces; prints 'OK <game> seed <seed> <steps> steps (<file>)' per trace, or the first divergence. " +
                                           "Exit code 0 when every trace matches, 1 when one diverges, 2 when one cannot be read.") { traces };
        verify.SetAction(r => Verify(r.GetValue(traces)!));

        var game = CliOptions.Choice("--game", "the game", "", [.. GameInfo.All.Select(g => g.Name)]);
        game.Required = true;
        var seed = new Option<uint>("--seed") { Description = "environment seed" };
        var policy = CliOptions.Choice("--policy", $"random, or human (one key per step: {HumanPolicy.Keys})", "random", "random", "human");
        var steps = CliOptions.Optional<int>("--steps", "stop after N steps (default 200; human 100000)", 0, int.MaxValue);
        var delay = CliOptions.Optional<int>("--delay", "ms between frames (default 50; human 0)", 0, int.MaxValue);
        var png = CliOptions.Text("--png", "write the frames as an image strip");
        var sticky = CliOptions.Double("--sticky", "sticky-action probability", 0.1, 0, 1);
        var noRamping = CliOptions.Flag("--no-ramping", "turn difficulty ramping off");
        var play = new Command("play", "show a game in the terminal (random policy) or play it (human)") { game, seed, policy, steps, delay, png, sticky, noRamping };
        play.SetAction(r =>
        {
            var human = r.GetValue(policy) == "human";
            return Play(new PlaySettings(Game(r.GetValue(game)!), r.GetValue(seed), r.GetValue(steps) ?? (human ? 100_000 : 200),
                r.GetValue(delay) ?? (human ? 0 : 50), r.GetValue(png), new EnvironmentOptions(r.GetValue(sticky), !r.GetValue(noRamping))), human, files);
        });
        return new Command("minatar", "MinAtar games: 'verify' replays golden traces, 'play' shows or plays a game") { verify, play };
    }

    /// <summary>A game named on the command line.</summary>
    public static GameInfo Game(string name) =>
        GameInfo.Find(name) ?? throw new CliError($"unknown game '{name}'; choose one of {GameInfo.Names}.");

    public int Verify(IReadOnlyList<string> traces)
    {
        var traceFiles = TraceFiles.Expand(files, traces, VerifyUsage);
        int diverged = 0, unreadable = 0;
        foreach (var file in traceFiles)
        {
            try
            {
                var verdict = TraceVerifier.Verify(TraceReader.Read(files, file));
                Console.WriteLine(TraceReport.Format(verdict));
                if (!verdict.Ok) diverged++;
            }
            catch (TraceFormatException e)
            {
                // Keep going: one bad file should not hide the verdicts on the others.
                Console.Error.WriteLine($"redo minatar: {e.Message} Fix or replace the trace file.");
                unreadable++;
            }
        }
        if (diverged + unreadable > 0)
            Console.WriteLine($"{diverged} of {traceFiles.Count} traces diverged, {unreadable} could not be read.");
        return unreadable > 0 ? 2 : diverged > 0 ? 1 : 0;
    }

    public static int Play(PlaySettings settings, bool human, IRunFiles files)
    {
        var game = settings.Game;
        IPlayPolicy policy = human ? new HumanPolicy() : new RandomPolicy(10000 + settings.Seed);
        var frames = new PlaySession(settings, policy, Console.Out, TerminalFrame.ColourWanted(), !Console.IsOutputRedirected).Run();
        if (settings.PngPath is { } png)
        {
            try
            {
                FrameStrip.Save(png, Glyphs.Of(game.Id), frames, files);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliError($"cannot write '{png}': {e.Message} Choose a writable path for --png.");
            }
            Console.WriteLine($"wrote {frames.Count} frames to {png}");
        }
        return 0;
    }
}
