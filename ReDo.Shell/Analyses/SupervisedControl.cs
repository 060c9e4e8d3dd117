using ReDo.Pure;
using System.Diagnostics;
using System.Globalization;
using ReDo.Pure.Analyses;
using ReDo.Pure.Runs;
using ReDo.Shell.Files;
using ReDo.Shell.Plotting;

namespace ReDo.Shell.Analyses;

/// <summary>
/// Paper §3, Fig. 3: supervised learning with fixed labels vs labels shuffled every few epochs, the
/// dormant % (τ = 0 and τ) and accuracy after every epoch (one run: <see cref="SupervisedTrainer"/>).
/// ReDo, when on, recycles the τ-dormant neurons after each epoch's measurement (no optimizer moments).
/// </summary>
public static class SupervisedControl
{
    public const string CsvHeader = "condition,seed,epoch,loss,train_accuracy,test_accuracy,dormant_at_0,dormant_at_tau,recycled\n";

    public static string CsvLine(SupervisedEpoch e) => string.Create(CultureInfo.InvariantCulture,
        $"{e.Condition},{e.Seed},{e.Epoch},{e.Loss:0.######},{e.TrainAccuracy:0.######},{e.TestAccuracy:0.######},{e.DormantAtZero:0.######},{e.DormantAtTau:0.######},{e.Recycled}\n");

    /// <summary>Trains one run and reports every epoch through <paramref name="onEpoch"/>.</summary>
    public static IReadOnlyList<SupervisedEpoch> Run(SupervisedSettings s, LabelledImages train, LabelledImages test, int seed, bool shuffled,
        Action<SupervisedEpoch>? onEpoch = null)
    {
        using var trainer = new SupervisedTrainer(s, train, test, seed, shuffled);
        var rows = new List<SupervisedEpoch>();
        for (int epoch = 0; epoch < s.Epochs; epoch++)
        {
            var row = trainer.Epoch(epoch);
            rows.Add(row);
            onEpoch?.Invoke(row);
        }
        return rows;
    }

    /// <summary>
    /// Every condition × seed (fixed and shuffled labels, 3 seeds by default) into &lt;out&gt;/supervised.csv,
    /// with a progress line per epoch (rate, ETA) and the plots dormant.png and accuracy.png.
    /// </summary>
    public static string RunAll(IRunFiles files, SupervisedSettings s, LabelledImages train, LabelledImages test, IReadOnlyList<int> seeds, string outFolder, TextWriter progress)
    {
        files.CreateDirectory(outFolder);
        var csv = Path.Combine(outFolder, "supervised.csv");
        files.WriteText(csv, CsvHeader);
        var all = new List<SupervisedEpoch>();
        int total = seeds.Count * 2 * s.Epochs, done = 0;
        var clock = Stopwatch.StartNew();
        // Seed-major, so that a stopped run has both conditions for the seeds it finished.
        foreach (var seed in seeds)
            foreach (var shuffled in new[] { false, true })
                Run(s, train, test, seed, shuffled, e =>
                {
                    files.AppendText(csv, CsvLine(e));
                    all.Add(e);
                    done++;
                    double rate = done / clock.Elapsed.TotalSeconds;
                    progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{e.Condition} seed {e.Seed} epoch {e.Epoch}/{s.Epochs}  loss {e.Loss:0.000}  train acc {e.TrainAccuracy:P1}  test acc {e.TestAccuracy:P1}  dormant(τ=0) {e.DormantAtZero:P1}  dormant(τ={s.Tau}) {e.DormantAtTau:P1}  {rate * 60:0.0} epochs/min  ETA {Eta.Text(Eta.For(total - done, rate))}"));
                });
        Plot(files, all, s.Tau, outFolder);
        return csv;
    }

    /// <summary>dormant.png and accuracy.png from the rows (e.g. of a stopped run's supervised.csv).</summary>
    public static void Plot(IRunFiles files, IReadOnlyList<SupervisedEpoch> rows, double tau, string outFolder)
    {
        foreach (var chart in SupervisedCharts.All(rows, tau))
            ChartFigures.Save(files, chart.Spec, Path.Combine(outFolder, chart.File));
    }

    /// <summary>The rows of a supervised.csv this class wrote; a damaged line is named.</summary>
    public static IReadOnlyList<SupervisedEpoch> ParseCsv(string text, string source)
    {
        var lines = text.Split('\n');
        if (lines[0] + "\n" != CsvHeader) throw new DataFileException($"{source} is not a supervised.csv: its first line is not '{CsvHeader.TrimEnd()}'.");
        var rows = new List<SupervisedEpoch>();
        for (int n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0) continue;
            var f = lines[n].Split(',');
            try
            {
                double D(int i) => double.Parse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture);
                int I(int i) => int.Parse(f[i], NumberStyles.Integer, CultureInfo.InvariantCulture);
                if (f.Length != 9) throw new FormatException($"{f.Length} fields, expected 9");
                rows.Add(new SupervisedEpoch(f[0], I(1), I(2), D(3), D(4), D(5), D(6), D(7), I(8)));
            }
            catch (FormatException e) { throw new DataFileException($"{source} line {n + 1} is damaged ({e.Message}); delete it and run --replot again."); }
        }
        return rows;
    }
}
