using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ReDo.Pure.Networks;
using ReDo.Shell.Agents;
using ReDo.Recycling.Networks;
using ReDo.Recycling.Optimizers;
using ReDo.Recycling.Torch;
using TorchSharp;
using ReDo.Shell.Cli;
using static TorchSharp.torch;

namespace ReDo.Shell.Benchmarks;

/// <summary>
/// <c>redo bench update [--steps 2000]</c>: the isolated MinAtar DQN update (batch 32, centered
/// RMSprop, our flat optimizer) at 1 and 2 torch threads, its parts (forward+backward, optimizer
/// step), the conv layer by libtorch's kernel vs unfold + matmul, and — when python3 with torch is
/// installed (Debian's python3-torch) — the same update in PyTorch in the same run, with the ratio.
/// Figures: docs/performance.md.
/// </summary>
public sealed class UpdateBenchmark : IBenchmark
{
    public Command Definition()
    {
        var steps = CliOptions.Int("--steps", "measured steps (after 200 warm-up steps)", 2000, 100, 1_000_000);
        var noPytorch = CliOptions.Flag("--no-pytorch", "skip the PyTorch side (e.g. on a loaded machine, where only our own side-by-side ratios mean something)");
        var rounds = CliOptions.Int("--rounds", "rounds of ours-then-PyTorch (1 thread) whose median ratio is the headline; one pair can land on a slow spell of a shared VM", 3, 1, 100);
        var command = new Command("update", "isolated DQN update vs PyTorch's (when python3-torch is installed), denormals kept vs flushed, threads, conv path") { steps, noPytorch, rounds };
        command.SetAction(r => Run(r.GetValue(steps), !r.GetValue(noPytorch), r.GetValue(rounds)));
        return command;
    }

    public static int Run(int steps, bool pytorch = true, int rounds = 3)
    {
        Console.WriteLine($"MinAtar DQN update, batch 32, centered RMSprop, median of {steps:N0} steps after 200 warm-up; {(ThreadClock.Available ? "thread CPU time" : "wall clock (no thread CPU clock here)")} unless marked wall");
        set_num_threads(1);
        ReDo.Recycling.Torch.Nnpack.TurnOff();   // as every conv network of ours does when built
        Console.WriteLine($"our side: TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version} (libtorch {__version__}); kernels: nnpack {(ReDo.Recycling.Torch.Nnpack.Enabled is { } on ? (on ? "on" : "off") : "no switch")}, mkldnn libtorch default, blas libtorch's bundled");
        var (slowUpdate, slowForwardBackward, slowStep, _, slowDenormal) = Update(steps, flushDenormals: false);
        var (update1, forwardBackward, optimizerStep, wall1, denormal) = Update(steps, flushDenormals: true);
        var python1 = pytorch ? PyTorch(steps, 1) : null;
        set_num_threads(2);
        var (_, _, _, wall2, _) = Update(steps, flushDenormals: true);
        var python2 = pytorch ? PyTorch(steps, 2) : null;
        set_num_threads(1);
        var (conv, unfold) = ConvPaths(steps);
        var ops = OptimizerOpProfile.Measure(count: 132_000, denormalFraction: 0.034, reps: steps);

        Console.WriteLine($"ours, 1 thread, denormals kept:    update {slowUpdate,7:0.000} ms  (forward+backward {slowForwardBackward:0.000} ms, optimizer step {slowStep:0.000} ms; {slowDenormal:P1} of RMSprop's v denormal)");
        Console.WriteLine(Denormals.Available
            ? $"ours, 1 thread, denormals flushed: update {update1,7:0.000} ms  (forward+backward {forwardBackward:0.000} ms, optimizer step {optimizerStep:0.000} ms; {denormal:P1} denormal) → flushing {slowUpdate / update1:0.00}× as fast"
            : "flush-to-zero not available in this libtorch: the figures below keep denormals");
        Console.WriteLine($"ours, wall clock: 1 thread {wall1,7:0.000} ms, 2 threads {wall2,7:0.000} ms → 2 threads {wall1 / wall2:0.00}× as fast as 1");
        Report("PyTorch, 1 thread:", python1?.Cpu, update1);
        Report("PyTorch, 1 thread (wall):", python1?.Wall, wall1);
        Report("PyTorch, 2 threads (wall):", python2?.Wall, wall2);
        Console.WriteLine($"centered RMSprop op by op over 132,000 floats, 3.4 % of moments denormal (as in a finished RR 0.25 Breakout run's checkpoint), ms:");
        foreach (var op in ops)
            Console.WriteLine($"  {op.Op,-24} kept {op.KeptMs,7:0.0000}  flushed {op.FlushedMs,7:0.0000}  → {op.KeptMs / op.FlushedMs:0.00}×");
        Console.WriteLine($"  {"sum",-24} kept {ops.Sum(o => o.KeptMs),7:0.0000}  flushed {ops.Sum(o => o.FlushedMs),7:0.0000}  → {ops.Sum(o => o.KeptMs) / ops.Sum(o => o.FlushedMs):0.00}×");
        Console.WriteLine($"conv layer fwd+bwd (32×4×10×10 → 16×8×8): libtorch conv2d {conv:0.000} ms, unfold + matmul {unfold:0.000} ms → unfold/conv {unfold / conv:0.00}");
        if (pytorch && python1?.Cpu is not null) Rounds(steps, rounds);
        return 0;
    }

    /// <summary>
    /// The headline ratio in rounds: ours (1 thread, denormals flushed, as training runs) then PyTorch, alternating,
    /// each in thread CPU time; the median of the per-round ratios. On this VM one measurement of the same work can
    /// move 4× (docs/performance.md), so a single pair decides nothing.
    /// </summary>
    static void Rounds(int steps, int rounds)
    {
        var ratios = new List<double>();
        for (int r = 1; r <= rounds; r++)
        {
            set_num_threads(1);
            double ours = Update(steps, flushDenormals: true).Update;
            if (PyTorch(steps, 1)?.Cpu is not { } theirs) return;
            ratios.Add(ours / theirs);
            Console.WriteLine($"  round {r}: ours {ours:0.000} ms, PyTorch {theirs:0.000} ms → {ours / theirs:0.00}");
        }
        Console.WriteLine($"ours / PyTorch, median of {rounds} rounds: {Median(ratios):0.00} (target ≤ 0.5: {(Median(ratios) <= 0.5 ? "met" : "MISSED")})");
    }

    /// <summary>PyTorch's median update: wall clock, and thread CPU time when its script reports it.</summary>
    sealed record PyTorchTimes(double Wall, double? Cpu);

    static void Report(string label, double? python, double ours)
    {
        if (python is { } p)
            Console.WriteLine($"{label,-26} update {p,7:0.000} ms  → ours / PyTorch {ours / p:0.00} (target ≤ 0.5)");
        else
            Console.WriteLine($"{label,-26} not measured (--no-pytorch given, or no python3 with torch: apt-get install python3-torch)");
    }

    static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);

    /// <summary>
    /// Medians over <paramref name="steps"/> updates after 200 warm-up, cycling 16 random batches (one
    /// fixed batch would be fitted to zero gradients, an unrealistic regime). Update and optimizer
    /// step in thread CPU time (what the work costs, whatever the machine's load); the optimizer
    /// step is timed as a second step on each update's own gradients; wall clock for the thread
    /// comparison (a second thread's work is not on this thread's clock).
    /// </summary>
    static (double Update, double ForwardBackward, double OptimizerStep, double Wall, double DenormalFraction) Update(int steps, bool flushDenormals)
    {
        using var scope = NewDisposeScope();
        var spec = NetworkCatalog.MinAtarDqn(4, 6);
        using var generator = new Generator(0, CPU);
        using var online = new SpecNetwork(spec);
        using var target = new SpecNetwork(spec);
        AgentNetworks.CopyInto(online, target);
        using var rms = new CenteredRmsProp(online.parameters(), lr: 2.5e-4, alpha: 0.95, eps: 0.01) { FlushDenormals = flushDenormals };
        using var gamma = 0.99f.ToScalar();
        var batches = Enumerable.Range(0, 16).Select(_ => new TransitionBatch(
            rand([32, 4, 10, 10], generator: generator).lt(Scalars.Tenth).to(ScalarType.Float32), randint(0, 6, [32], generator: generator),
            rand([32], generator: generator), rand([32, 4, 10, 10], generator: generator).lt(Scalars.Tenth).to(ScalarType.Float32), full(32, gamma))).ToList();
        List<double> total = [], step = [], wall = [];
        for (int i = 0; i < steps + 200; i++)
        {
            var sw = Stopwatch.StartNew();
            double start = ThreadClock.Milliseconds();
            QLearningUpdate.Step(online, target, rms, batches[i % batches.Count]);
            double updated = ThreadClock.Milliseconds();
            var elapsed = sw.Elapsed.TotalMilliseconds;
            rms.Step();
            double stepped = ThreadClock.Milliseconds();
            if (i < 200) continue;
            total.Add(updated - start);
            step.Add(stepped - updated);
            wall.Add(elapsed);
        }
        double update = Median(total), optimizer = Median(step);
        return (update, update - optimizer, optimizer, Median(wall), DenormalFraction(rms));
    }

    /// <summary>The fraction of RMSprop's squared-gradient average that is denormal (0 &lt; |v| &lt; 2^-126), over all parameters.</summary>
    static double DenormalFraction(CenteredRmsProp rms)
    {
        long denormal = 0, count = 0;
        for (int i = 0; i < rms.Parameters.Count; i++)
        {
            var v = rms.Buffers(i).First().data<float>().ToArray();
            denormal += v.Count(float.IsSubnormal);
            count += v.Length;
        }
        return (double)denormal / count;
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
    static bool _pytorchNamed;

    static PyTorchTimes? PyTorch(int steps, int threads) =>
        new[] { "python3", "/usr/bin/python3" }.Select(python => PyTorch(python, steps, threads)).FirstOrDefault(ms => ms is not null);

    static PyTorchTimes? PyTorch(string python, int steps, int threads)
    {
        var script = Path.Combine(Path.GetTempPath(), $"redo-bench-update-{Environment.ProcessId}.py");
        using (var resource = typeof(UpdateBenchmark).Assembly.GetManifestResourceStream("ReDo.Shell.Benchmarks.pytorch_update.py")
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
            double? Field(string name) =>
                output.Split('\n').FirstOrDefault(l => l.StartsWith(name + " ")) is { } line
                    ? double.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture) : null;
            if (!_pytorchNamed)
            {
                // Both sides' versions and kernel choices, once: a ratio means little without them (docs/performance.md).
                string Text(string name) => output.Split('\n').FirstOrDefault(l => l.StartsWith(name + " "))?[(name.Length + 1)..].Trim() ?? "unknown";
                Console.WriteLine($"PyTorch side: torch {Text("torch_version")} ({python}); kernels: {Text("kernels")}");
                _pytorchNamed = true;
            }
            return Field("median_ms") is { } wall ? new PyTorchTimes(wall, Field("median_cpu_ms")) : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }   // no python3 at all
        finally { File.Delete(script); }
    }
}
