using ReDo.Pure.Statistics;
using ReDo.Shell.Experiments;

namespace ReDo.Shell.Cli;

/// <summary><c>redo compare published &lt;run folders…&gt; [--published csv] [--bands csv]</c>: exit 1 when any checkpoint is outside its band.</summary>
public sealed class CompareCommand : ICommand
{
    public string Name => "compare";
    public string Summary => "golden regression against the MinAtar paper: compare published <run folders…> [--published csv] [--bands csv] (exit 1 when outside a band)";

    public int Run(IReadOnlyList<string> argv)
    {
        if (argv.Count == 0 || argv[0] != "published") throw new CliError($"usage: redo compare published <run folders…>. {Summary}");
        var a = new Args(argv.Skip(1).ToList());
        var published = a.String("published", AnchorFiles.DefaultPublished);
        var bands = a.String("bands", PublishedComparing.DefaultBands);
        var seed = a.UInt("seed", 0);
        a.RejectUnknown("redo compare published <run folders…> [--published csv] [--bands csv] [--seed 0]");
        var rows = new PublishedComparing(Console.Out).Compare(a.Positional, published, bands, new BootstrapSettings(Seed: seed));
        return rows.Any(r => r.Inside == false) ? 1 : 0;
    }
}
