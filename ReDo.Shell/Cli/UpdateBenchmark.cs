using System.Diagnostics;
using System.Globalization;
using ReDo.Pure.Networks;
using ReDo.Shell.Agents;
using ReDo.Shell.Networks;
using ReDo.Shell.Optimizers;
using ReDo.Shell.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Shell.Cli;

/// <summary>
/// <c>redo bench update [--steps 2000]</c>: the isolated MinAtar DQN update (batch 32, centered
/// RMSprop, our flat optimizer) at 1 and 2 torch threads, its parts (forward+backward, optimizer
/// step), the conv layer by libtorch's kernel vs unfold + matmul, and — when python3 with torch is
/// installed (Debian's python3-torch) — the same update in PyTorch in the same run, with the ratio.
/// Figures: docs/performance.md.
/// </summary>
public sealed class UpdateBenchmark : IBenchmark
{
    public string Name => "update";
    public string Summary => "isolated DQN update vs PyTorch's (when python3-torch is installed), threads, conv path";

    public int Run(IReadOnlyList<string> argv)
    {
        var a = new Args(argv);
        int steps = a.Int("steps", 2000, 100, 1_000_000);
        a.RejectUnknown();
        Console.WriteLine($"MinAtar DQN update, batch 32, centered RMSprop, median of {steps:N0} steps after 200 warm-up");
        set_num_threads(1);
        var (update1, forwardBackward, optimizerStep) = Update(steps);
        var python1 = PyTorch(steps, 1);
        set_num_threads(2);
        var (update2, _, _) = Update(steps);
        var python2 = PyTorch(steps, 2);
        set_num_threads(1);
        var (conv, unfold) = ConvPaths(steps);

        Console.WriteLine($"ours, 1 thread:   update {update1,7:0.000} ms  (forward+backward {forwardBackward:0.000} ms, optimizer step {optimizerStep:0.000} ms)");
        Console.WriteLine($"ours, 2 threads:  update {update2,7:0.000} ms  → 2 threads {update1 / update2:0.00}× as fast as 1");
        Report("PyTorch, 1 thread:", python1, update1);
        Report("PyTorch, 2 threads:", python2, update2);
        Console.WriteLine($"conv layer fwd+bwd (32×4×10×10 → 16×8×8): libtorch conv2d {conv:0.000} ms, unfold + matmul {unfold:0.000} ms → unfold/conv {unfold / conv:0.00}");
        return 0;
    }

    static void Report(string label, double? python, double ours)
    {
        if (python is { } p)
            Console.WriteLine($"{label,-19} update {p,7:0.000} ms  → ours / PyTorch {ours / p:0.00} (target ≤ 0.5)");
        else
            Console.WriteLine($"{label,-19} not measured (no python3 with torch: apt-get install python3-torch)");
    }

    static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);

    static (double Update, double ForwardBackward, double OptimizerStep) Update(int steps)
    {
        var spec = NetworkCatalog.MinAtarDqn(4, 6);
        using var generator = new Generator(0, CPU);
        using var online = new SpecNetwork(spec);
        using var target = new SpecNetwork(spec);
        AgentNetworks.CopyInto(online, target);
        using var rms = new CenteredRmsProp(online.parameters(), lr: 2.5e-4, alpha: 0.95, eps: 0.01);
        using var gamma = 0.99f.ToScalar();
        using var batch = new TransitionBatch(
            rand([32, 4, 10, 10], generator: generator).lt(Scalars.Tenth).to(ScalarType.Float32), randint(0, 6, [32], generator: generator),
            rand([32], generator: generator), rand([32, 4, 10, 10], generator: generator).lt(Scalars.Tenth).to(ScalarType.Float32), full(32, gamma));
        var total = new List<double>();
        var step = new List<double>();
        for (int i = 0; i < steps + 200; i++)
        {
            var sw = Stopwatch.StartNew();
            QLearningUpdate.Step(online, target, rms, batch);
            if (i >= 200) total.Add(sw.Elapsed.TotalMilliseconds);
        }
        for (int i = 0; i < steps + 200; i++)
        {
            var sw = Stopwatch.StartNew();
            rms.Step();
            if (i >= 200) step.Add(sw.Elapsed.TotalMilliseconds);
        }
        double update = Median(total), optimizer = Median(step);
        return (update, update - optimizer, optimizer);
    }

    /// <summary>Forward and backward of the MinAtar conv layer by libtorch's conv2d and by unfold + one matmul.</summary>
    static (double Conv, double Unfold) ConvPaths(int steps)
    {
        using var generator = new Generator(1, CPU);
        using var x = rand([32, 4, 10, 10], generator: generator);
        using var upstream = randn([32, 16, 8, 8], generator: generator);
        using var w = randn([16, 4, 3, 3], generator: generator).requires_grad_(true);
        using var b = randn([16], generator: generator).requires_grad_(true);
        double Time(Func<Tensor> forward)
        {
            var times = new List<double>();
            for (int i = 0; i < steps + 200; i++)
            {
                using var scope = NewDisposeScope();
                var sw = Stopwatch.StartNew();
                forward().mul(upstream).sum().backward();
                if (i >= 200) times.Add(sw.Elapsed.TotalMilliseconds);
                w.grad?.zero_();
                b.grad?.zero_();
            }
            return Median(times);
        }
        double conv = Time(() => nn.functional.conv2d(x, w, b));
        double unfold = Time(() =>
        {
            var columns = nn.functional.unfold(x, 3);                        // [32, 36, 64]
            return w.view(16, 36).matmul(columns).add(b.view(1, 16, 1), Scalars.One).view(32, 16, 8, 8);
        });
        return (conv, unfold);
    }

    /// <summary>Median ms of the same update in PyTorch, or null when no python3 with torch is found
    /// (the python3 on PATH first, then Debian's /usr/bin/python3, where python3-torch installs).</summary>
    static double? PyTorch(int steps, int threads) =>
        new[] { "python3", "/usr/bin/python3" }.Select(python => PyTorch(python, steps, threads)).FirstOrDefault(ms => ms is not null);

    static double? PyTorch(string python, int steps, int threads)
    {
        var script = Path.Combine(Path.GetTempPath(), $"redo-bench-update-{Environment.ProcessId}.py");
        using (var resource = typeof(UpdateBenchmark).Assembly.GetManifestResourceStream("ReDo.Shell.Cli.Bench.pytorch_update.py")
                              ?? throw new InvalidOperationException("the PyTorch script is not embedded in this build"))
        using (var file = File.Create(script)) resource.CopyTo(file);
        try
        {
            var start = new ProcessStartInfo(python, [script, steps.ToString(CultureInfo.InvariantCulture), threads.ToString(CultureInfo.InvariantCulture)])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start);
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) return null;
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("median_ms "));
            return line is null ? null : double.Parse(line["median_ms ".Length..], CultureInfo.InvariantCulture);
        }
        catch (System.ComponentModel.Win32Exception) { return null; }   // no python3 at all
        finally { File.Delete(script); }
    }
}
