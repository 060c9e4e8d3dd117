using ReDo.MinAtar;
using ReDo.Shell.MinAtar;

namespace ReDo.Shell.Cli;

/// <summary><c>redo minatar verify|play</c>: replay golden traces, or watch/play a game in the terminal.</summary>
public sealed class MinAtarCommand : ICommand
{
    const string VerifyUsage = "redo minatar verify <trace files or folders>";
    const string PlayUsage = "redo minatar play --game <name> [--seed 0] [--policy random|human] [--steps N] [--delay ms] " +
                             "[--png out.png] [--sticky 0.1] [--no-ramping]";

    public string Name => "minatar";
    public string Summary => "MinAtar games: 'verify' replays golden traces, 'play' shows or plays a game";

    public int Run(IReadOnlyList<string> args) => args.Count == 0 ? Help(2) : args[0] switch
    {
        "verify" => Verify(args.Skip(1).ToList()),
        "play" => Play(args.Skip(1).ToList()),
        "help" or "--help" or "-h" => Help(0),
        _ => throw new CliError($"unknown subcommand '{args[0]}'; use 'verify' or 'play' (see 'redo minatar help')."),
    };

    static int Help(int exitCode)
    {
        Console.WriteLine($"usage: {VerifyUsage}");
        Console.WriteLine("         prints 'OK <game> seed <seed> <steps> steps (<file>)' per trace, or the first divergence;");
        Console.WriteLine("         exit code 0 when every trace matches, 1 when one diverges, 2 when one cannot be read.");
        Console.WriteLine($"       {PlayUsage}");
        Console.WriteLine($"         games: {GameInfo.Names}");
        Console.WriteLine($"         --policy random (default; --delay ms between frames, default 50) or human, one key per step:");
        Console.WriteLine($"           {HumanPolicy.Keys}");
        Console.WriteLine("         --steps N: stop after N steps (default 200; human 100000); --png writes the frames as an image strip.");
        return exitCode;
    }

    /// <summary>A game named on the command line.</summary>
    public static GameInfo Game(string name) =>
        GameInfo.Find(name) ?? throw new CliError($"unknown game '{name}'; choose one of {GameInfo.Names}.");

    static int Verify(IReadOnlyList<string> args)
    {
        var options = new Args(args);
        options.RejectUnknown(VerifyUsage);
        var files = TraceFiles.Expand(options.Positional, VerifyUsage);
        int diverged = 0, unreadable = 0;
        foreach (var file in files)
        {
            try
            {
                var verdict = TraceVerifier.Verify(TraceReader.Read(file));
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
            Console.WriteLine($"{diverged} of {files.Count} traces diverged, {unreadable} could not be read.");
        return unreadable > 0 ? 2 : diverged > 0 ? 1 : 0;
    }

    static int Play(IReadOnlyList<string> args)
    {
        var options = new Args(args, "no-ramping");
        var game = Game(options.String("game") ?? throw new CliError($"name a game with --game ({GameInfo.Names})."));
        var policyName = options.String("policy") ?? "random";
        if (policyName is not ("random" or "human"))
            throw new CliError($"unknown policy '{policyName}'; use --policy random or --policy human.");
        var human = policyName == "human";
        var settings = new PlaySettings(game, options.UInt("seed", 0), options.Int("steps", human ? 100_000 : 200, min: 0),
            options.Int("delay", human ? 0 : 50, min: 0), options.String("png"),
            new EnvironmentOptions(options.Double("sticky", 0.1, 0, 1), !options.Flag("no-ramping")));
        options.RejectUnknown(PlayUsage);
        if (options.Positional.Count > 0)
            throw new CliError($"unexpected argument '{options.Positional[0]}'. Usage: {PlayUsage}");

        IPlayPolicy policy = human ? new HumanPolicy() : new RandomPolicy(10000 + settings.Seed);
        var frames = new PlaySession(settings, policy, Console.Out, TerminalFrame.ColourWanted(), !Console.IsOutputRedirected).Run();
        if (settings.PngPath is { } png)
        {
            try
            {
                FrameStrip.Save(png, Glyphs.Of(game.Id), frames);
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
