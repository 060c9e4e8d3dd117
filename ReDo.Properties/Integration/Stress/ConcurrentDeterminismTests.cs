using ReDo.Shell.Runs;
using ReDo.Shell.Agents;
using Xunit;
using static TorchSharp.torch;
using ReDo.Properties.Integration.Resume;

namespace ReDo.Properties.Integration.Stress;

/// <summary>
/// A run's numbers do not depend on what else the process does (a worker or a test host runs several
/// runs in one process): the same config trained while another thread draws from torch's global
/// generator, churns the managed heap and forces collections gives byte-identical metrics, dormancy
/// log and weights. Found by a clean-clone CI run whose shared resume reference, computed beside
/// other tests, drifted after its first recycle: TorchSharp's <c>nn.init.uniform_</c> ignored the
/// run's generator and drew from the global one (red on that code: metrics.csv differs).
/// </summary>
[Collection(ResumeCollection.Name)]
public class ConcurrentDeterminismTests
{
    [Fact]
    public void A_run_beside_heap_and_torch_churn_equals_the_run_alone()
    {
        var config = TinyRuns.Config(frames: 2_000, seed: 31);
        var alone = TinyRuns.NewFolder("alone");
        Runner.TrainNew(config, alone, TestDisk.Files, TextWriter.Null);

        var churned = TinyRuns.NewFolder("churned");
        using (new Churn())
            Runner.TrainNew(config, churned, TestDisk.Files, TextWriter.Null);
        TinyRuns.AssertSameResult(alone, churned);
    }

    /// <summary>Draws from torch's global generator, allocates managed arrays of odd sizes and forces collections now and then, until disposed.</summary>
    sealed class Churn : IDisposable
    {
        readonly Thread _thread;
        volatile bool _stop;

        public Churn()
        {
            _thread = new Thread(() =>
            {
                var random = new Random(7);
                var keep = new object[64];
                for (long i = 0; !_stop; i++)
                {
                    keep[random.Next(keep.Length)] = new float[1 + random.Next(97)];
                    if (i % 50_000 == 0) GC.Collect();
                    if (i % 100 == 0)
                    {
                        using var scope = NewDisposeScope();
                        rand(1 + random.Next(300)).sum().item<float>();   // the global generator
                        Thread.Sleep(1);
                    }
                }
            }) { IsBackground = true, Name = "churn" };
            _thread.Start();
        }

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
        }
    }
}
