using ReDo.Pure.Networks;
using ReDo.Shell.Benchmarks;
using ReDo.Shell.Cli;
using ReDo.Recycling;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ReDo.Properties.Examples.Torch;

/// <summary>
/// docs/torch-rules.md rule 3 checked by count: after the call and the disposal of what it returns,
/// this thread holds exactly as many live tensors as before. A tensor left to the finalizer keeps its
/// native memory until a GC, so later allocations fault in fresh pages: the bench's synthetic Nature CNN
/// inputs leaked a 14 MB int64 tensor each and made a recycle look 2–3× slower than it is.
/// </summary>
public class TensorLeakExamples
{
    static long Live() => DisposeScopeManager.Statistics.ThreadTotalLiveCount;

    static void AssertNoLeak(Action call)
    {
        call();   // first call outside the count: lazily created singletons (owned Scalars, device handles)
        long before = Live();
        call();
        Assert.Equal(before, Live());
    }

    public static TheoryData<string> Profiles => new() { "nature", "minatar", "mlp" };

    [Theory, MemberData(nameof(Profiles))]
    public void Synthetic_inputs_leave_only_the_returned_tensor(string profile)
    {
        using var generator = new Generator(7, CPU);
        var spec = NetworkChoice.Spec(profile);
        AssertNoLeak(() => { using var x = NetworkChoice.SyntheticInputs(spec, 4, generator); });
    }

    [Fact]
    public void A_training_update_and_a_recycle_leave_no_tensor_behind()
    {
        using var nets = new DqnBenchNetworks(NetworkCatalog.MinAtarDqn(4, 6), seed: 5);
        AssertNoLeak(() => nets.TimedUpdate());
        AssertNoLeak(() =>
        {
            using var probe = NetworkChoice.SyntheticInputs(nets.Online.Spec, 16, nets.Generator);
            DormantNeuronRecycler.Recycle(nets.Online, nets.Moments, probe, new RecycleSettings(0.1), nets.Generator);
        });
    }
}
