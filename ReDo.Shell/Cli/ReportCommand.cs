using System.CommandLine;
using ReDo.Pure.Statistics;
using ReDo.Shell.Config;
using ReDo.Shell.Experiments;
using ReDo.Shell.Files;
using ReDo.Shell.Study;

namespace ReDo.Shell.Cli;

/// <summary><c>redo report &lt;queue&gt; [--out dir] [--resamples 2000] [--seed 0] [--random csv] [--published csv] [--random-mujoco csv] [--sac-reference csv]</c>.</summary>
public sealed class ReportCommand(IRunFiles files) : ICliCommand
{
    public Command Definition()
    {
        var queue = new Argument<string>("queue") { Description = "the experiment's queue folder, or a study folder (one holding study.json: each part is reported, then the study's hypotheses)" };
        var output = CliOptions.Text("--out", "report folder (default <queue>/report)");
        var resamples = CliOptions.Int("--resamples", "bootstrap resamples", BootstrapSettings.MinResamples, BootstrapSettings.MinResamples, 1_000_000);
        var seed = new Option<uint>("--seed") { Description = "bootstrap seed" };
        var random = new Option<string>("--random") { Description = "random-policy scores (CSV)", DefaultValueFactory = _ => AnchorFiles.DefaultRandomPolicy };
        var published = new Option<string>("--published") { Description = "published scores (CSV)", DefaultValueFactory = _ => AnchorFiles.DefaultPublished };
        var randomMuJoCo = new Option<string>("--random-mujoco") { Description = "random-policy scores of the MuJoCo tasks (CSV)", DefaultValueFactory = _ => AnchorFiles.DefaultRandomPolicyMuJoCo };
        var sacReference = new Option<string>("--sac-reference") { Description = "published SAC reference scores of the MuJoCo tasks (CSV)", DefaultValueFactory = _ => AnchorFiles.DefaultSacReference };
        var command = new Command("report", "aggregate an experiment's finished runs into report.md + figures; on a study folder, each part's report and the study's hypotheses") { queue, output, resamples, seed, random, published, randomMuJoCo, sacReference };
        command.SetAction(r =>
        {
            var folder = r.GetValue(queue)!;
            var (outFolder, bootstrap) = (r.GetValue(output) ?? Path.Combine(folder, "report"), new BootstrapSettings(r.GetValue(resamples), 0.95, r.GetValue(seed)));
            var anchors = new AnchorFiles(r.GetValue(random)!, r.GetValue(published)!, r.GetValue(randomMuJoCo)!, r.GetValue(sacReference)!).Resolved(ShippedFiles.Installed(files));
            if (StudyFiles.IsStudy(files, folder)) new StudyReporting(Console.Out, files).Write(folder, outFolder, anchors, bootstrap);
            else new ExperimentReporting(Console.Out, files).Write(folder, outFolder, anchors, bootstrap);
            return 0;
        });
        return command;
    }
}
