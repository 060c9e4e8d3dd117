using System.Diagnostics;
using System.Numerics;

namespace ReDo.Shell.Benchmarks;

/// <summary>
/// How well this machine itself scales from 1 to N busy threads, with no torch and no training in the way:
/// the ceiling against which <c>bench parallel</c>'s ratio must be read. Two controls, because training
/// mixes both kinds of work: an arithmetic loop that stays in L1 (fused multiply-adds on 4 KB, the small
/// GEMMs' kind of work) and a memory walk over 64 MB per thread (the replay sampling's kind). On a machine
/// whose logical CPUs are SMT siblings or share a throttled host core, the arithmetic control itself stays
/// well below N×, and no change to our code can beat it.
/// </summary>
public static class ScalingCeiling
{
    public sealed record Ratios(double Arithmetic, double Memory);

    public static Ratios Measure(int threads) =>
        new(Ratio(threads, ArithmeticWork), Ratio(threads, MemoryWork));

    /// <summary>Throughput of N threads doing the work at once, over one thread doing it alone (best of 3 each).</summary>
    static double Ratio(int threads, Func<Func<double>> prepare)
    {
        var bodies = Enumerable.Range(0, threads).Select(_ => prepare()).ToArray();
        bodies[0]();                                                                  // warm-up: JIT, page faults
        double alone = Enumerable.Range(0, 3).Min(_ => Time(() => bodies[0]()));
        double together = Enumerable.Range(0, 3).Min(_ => Time(() =>
        {
            var running = bodies.Select(b => new Thread(() => b()) { IsBackground = true }).ToArray();
            foreach (var t in running) t.Start();
            foreach (var t in running) t.Join();
        }));
        return threads * alone / together;
    }

    static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>≈ 0.1–0.3 s of vector multiply-adds (four independent chains) on a 1,024-float array that never leaves L1.</summary>
    static Func<double> ArithmeticWork()
    {
        var data = new float[1024];
        for (int i = 0; i < data.Length; i++) data[i] = 1f + i * 1e-6f;
        return () =>
        {
            int width = Vector<float>.Count, step = 4 * width;
            Vector<float> a0 = default, a1 = default, a2 = default, a3 = default;
            var scale = new Vector<float>(0.999999f);
            for (int round = 0; round < 5_000_000; round++)
                for (int i = 0; i + step <= data.Length; i += step)
                {
                    a0 = Vector.FusedMultiplyAdd(new Vector<float>(data, i), scale, a0);
                    a1 = Vector.FusedMultiplyAdd(new Vector<float>(data, i + width), scale, a1);
                    a2 = Vector.FusedMultiplyAdd(new Vector<float>(data, i + 2 * width), scale, a2);
                    a3 = Vector.FusedMultiplyAdd(new Vector<float>(data, i + 3 * width), scale, a3);
                }
            return Vector.Sum(a0 + a1 + a2 + a3);
        };
    }

    /// <summary>Random reads over 64 MB (a replay buffer's worth), dependent on each other so they cannot overlap.</summary>
    static Func<double> MemoryWork()
    {
        const int n = 16 << 20;
        var next = new int[n];
        var rng = new Random(17);
        for (int i = 0; i < n; i++) next[i] = rng.Next(n);
        return () =>
        {
            int at = 0;
            long sum = 0;
            for (int step = 0; step < 4_000_000; step++) { at = next[at]; sum += at; }
            return sum;
        };
    }
}
