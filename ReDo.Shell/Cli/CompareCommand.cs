using System.CommandLine;
using ReDo.Pure.Statistics;
using ReDo.Shell.Config;
using ReDo.Shell.Experiments;
using ReDo.Shell.Files;

namespace ReDo.Shell.Cli;

/// <summary><c>redo compare published &lt;run folders…&gt; [--published csv] [--bands csv]</c>: exit 1 when any checkpoint is outside its band.</summary>
public sealed class CompareCommand(IRunFiles files) : ICliCommand
{
    public Command Definition()
    {
        var runs = new Argument<string[]>("run folders") { Description = "folders `redo train` wrote", Arity = ArgumentArity.ZeroOrMore };
        var published = new Option<string>("--published") { Description = "published scores (CSV)", DefaultValueFactory = _ => AnchorFiles.DefaultPublished };
        var bands = new Option<string>("--bands") { Description = "tolerance bands (CSV)", DefaultValueFactory = _ => PublishedComparing.DefaultBands };
        var seed = new Option<uint>("--seed") { Description = "bootstrap seed" };
        var compare = new Command("published", "golden regression against the MinAtar paper (exit 1 when outside a band)") { runs, published, bands, seed };
        compare.SetAction(r =>
        {
            var shipped = ShippedFiles.Installed(files);
            var rows = new PublishedComparing(Console.Out, files).Compare(r.GetValue(runs)!, shipped.File(r.GetValue(published)!), shipped.File(r.GetValue(bands)!), new BootstrapSettings(Seed: r.GetValue(seed)));
            return rows.Any(x => x.Inside == false) ? 1 : 0;
        });
        return new Command("compare", "compare runs with published results") { compare };
    }
}
