using System.Diagnostics;
using Xunit;
using ReDo.Shell.Files;

namespace ReDo.Golden.SelfRegression;

/// <summary>
/// Golden regression against ourselves: a short deterministic run — 10,000 Breakout frames, DQN + ReDo
/// (F = 500, probe 32), seed 0, one thread — trained by the real `redo train` in a child process must
/// write the committed <c>data/self-regression/metrics.csv</c> as <see cref="GoldenMetrics"/> compares it:
/// counts and dormant shares exactly, loss and output change to a relative 1e-3, over the first half of
/// the run. When a change to training is meant, regenerate the file (docs/experiments.md) and say so in
/// the commit. The child runs with libtorch's, oneDNN's and MKL's CPU dispatch pinned
/// (<see cref="PortableKernels"/>); what still differs between processors is in docs/torch-rules.md.
/// </summary>
public class SelfRegressionTests
{
    /// <summary>Environment that makes libtorch, oneDNN and MKL pick the same kernels on every x86-64 CPU.</summary>
    public static readonly IReadOnlyDictionary<string, string> PortableKernels = new Dictionary<string, string>
    {
        ["ATEN_CPU_CAPABILITY"] = "default",   // ATen's own kernels: no AVX2 / AVX-512 variants
        ["ONEDNN_MAX_CPU_ISA"] = "SSE41",      // convolutions: the baseline ISA every x86-64 machine here has
        ["MKL_CBWR"] = "COMPATIBLE",           // MKL's conditional bitwise reproducibility
    };

    static string Data(string file) => Path.Combine(AppContext.BaseDirectory, "data", "self-regression", file);

    [Fact]
    public void The_short_redo_run_writes_the_committed_metrics()
    {
        var folder = Path.Combine(Path.GetTempPath(), "redo-self-regression-" + Guid.NewGuid().ToString("N"));
        try
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "redo.dll"), "train", Data("config.json"), "--out", folder }) info.ArgumentList.Add(a);
            foreach (var (k, v) in PortableKernels) info.Environment[k] = v;
            using var p = Process.Start(info)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            // ≈ 3 min on a quiet machine; 45 min of headroom because the whole suite shares two cores with
            // experiment workers and other builds (it once ran out of 15 min under that load). On a timeout the
            // child is killed so that no orphan keeps training after the test.
            if (!p.WaitForExit(TimeSpan.FromMinutes(45)))
            {
                p.Kill(entireProcessTree: true);
                Assert.Fail("redo train did not finish within 45 minutes");
            }
            Assert.True(p.ExitCode == 0, $"redo train exited with {p.ExitCode}:\n{stdout.Result}\n{stderr.Result}");

            var mismatch = GoldenMetrics.FirstMismatch(File.ReadAllLines(Data("metrics.csv")), File.ReadAllLines(Path.Combine(folder, RunLayout.Metrics)));
            Assert.True(mismatch is null, mismatch + "\nIf this change is meant to alter training, regenerate the file as docs/experiments.md says and say so in the commit.");
        }
        finally { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
    }
}
