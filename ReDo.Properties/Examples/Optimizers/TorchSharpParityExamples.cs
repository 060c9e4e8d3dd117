using ReDo.Pure.Networks;
using ReDo.Recycling.Networks;
using ReDo.Recycling.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using Adam = ReDo.Recycling.Optimizers.Adam;
using Xunit;
using static TorchSharp.torch;

namespace ReDo.Properties.Examples.Optimizers;

/// <summary>
/// Our flat optimizers against TorchSharp 0.107's RMSProp and Adam (the optimizers whose updates
/// ours reproduce) on the MinAtar network: after every step the parameters and every moment are
/// equal bit for bit, and the checkpoint bytes are TorchSharp's save_state_dict bytes.
/// </summary>
public class TorchSharpParityExamples
{
    const int Steps = 25;

    static (SpecNetwork Ours, SpecNetwork Theirs) Twins(int seed)
    {
        var spec = NetworkCatalog.MinAtarDqn(4, 6);
        var ours = new SpecNetwork(spec);
        var theirs = new SpecNetwork(spec);
        using var g = new Generator((ulong)seed, CPU);
        NetworkInit.Initialize(ours, g);
        using (no_grad())
            foreach (var (a, b) in ours.parameters().Zip(theirs.parameters())) b.copy_(a);
        return (ours, theirs);
    }

    /// <summary>
    /// TorchSharp's own optimizer step makes implicit Scalars (docs/torch-rules.md), which a collection
    /// during the step can free under libtorch ("Scalar.h:140", seen once in a full suite). No
    /// collection can happen inside a no-GC region, so the comparison runs it there.
    /// </summary>
    static void TorchSharpStep(OptimizerHelper their)
    {
        bool noGc = GC.TryStartNoGCRegion(64L << 20);
        try { their.step(); }
        finally { if (noGc && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion) GC.EndNoGCRegion(); }
    }

    static void Train(SpecNetwork ours, FlatOptimizer our, SpecNetwork theirs, OptimizerHelper their, int seed, Action<int>? between = null)
    {
        using var g = new Generator((ulong)seed + 1, CPU);
        for (int s = 0; s < Steps; s++)
        {
            using var scope = NewDisposeScope();
            var x = rand([32, 4, 10, 10], generator: g);
            var y = randn([32, 6], generator: g);
            our.ZeroGrad();
            nn.functional.huber_loss(ours.Forward(x), y).backward();
            our.Step();
            their.zero_grad();
            nn.functional.huber_loss(theirs.Forward(x), y).backward();
            TorchSharpStep(their);
            between?.Invoke(s);
            AssertSame(ours.parameters(), theirs.parameters(), $"parameters after step {s + 1}");
        }
    }

    static void AssertSame(IEnumerable<Tensor> ours, IEnumerable<Tensor> theirs, string what)
    {
        foreach (var (a, b) in ours.Zip(theirs, (a, b) => (a, b)))
            Assert.True(a.data<float>().ToArray().SequenceEqual(b.data<float>().ToArray()), $"{what} differ");
    }

    static byte[] Bytes(Action<BinaryWriter> save)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) save(w);
        return stream.ToArray();
    }

    [Theory]
    [InlineData(true, 0.0)]
    [InlineData(false, 0.0)]
    [InlineData(true, 0.01)]
    public void RmsProp_is_TorchSharps_bit_for_bit(bool centered, double weightDecay)
    {
        var (ours, theirs) = Twins(3);
        using var _o = ours; using var _t = theirs;
        using var our = new CenteredRmsProp(ours.parameters(), lr: 2.5e-4, alpha: 0.95, eps: 0.01, weightDecay: weightDecay, centered: centered);
        using var their = optim.RMSProp(theirs.parameters(), lr: 2.5e-4, alpha: 0.95, eps: 0.01, weight_decay: weightDecay, momentum: 0, centered: centered);
        Train(ours, our, theirs, their, 3);
        var states = their.state_dict().State.Cast<RMSProp.State>().ToList();
        for (int i = 0; i < states.Count; i++)
        {
            AssertSame(our.Buffers(i), [states[i].square_avg, states[i].momentum_buffer, states[i].grad_avg], $"moments of parameter {i}");
            Assert.Equal(states[i].step, our.StepCount(i));
        }
        Assert.Equal(Bytes(their.save_state_dict), Bytes(our.Save));
    }

    [Fact]
    public void Adam_is_TorchSharps_bit_for_bit_also_with_step_counts_reset_per_parameter()
    {
        var (ours, theirs) = Twins(5);
        using var _o = ours; using var _t = theirs;
        using var our = new Adam(ours.parameters(), lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1.5e-4, weightDecay: 0.001);
        using var their = optim.Adam(theirs.parameters(), lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1.5e-4, weight_decay: 0.001);
        var states = their.state_dict().State.Cast<TorchSharp.Modules.Adam.State>().ToList();
        // After step 10, reset parameter 1's and 2's counts (ReDo's ResetOptimizerStep option): bias corrections differ per parameter.
        Train(ours, our, theirs, their, 5, s =>
        {
            if (s != 9) return;
            foreach (var i in new[] { 1, 2 }) { our.ResetStepCount(i); states[i].step = 0; }
        });
        for (int i = 0; i < states.Count; i++)
        {
            AssertSame(our.Buffers(i), [states[i].exp_avg, states[i].exp_avg_sq], $"moments of parameter {i}");
            Assert.Equal(states[i].step, our.StepCount(i));
        }
        Assert.Equal(Bytes(their.save_state_dict), Bytes(our.Save));
    }

    [Fact]
    public void A_checkpoint_written_by_TorchSharp_loads_into_ours_and_training_continues_identically()
    {
        var (ours, theirs) = Twins(7);
        using var _o = ours; using var _t = theirs;
        using var their = optim.RMSProp(theirs.parameters(), lr: 2.5e-4, alpha: 0.95, eps: 0.01, momentum: 0, centered: true);
        using var warm = new CenteredRmsProp(ours.parameters(), lr: 2.5e-4, alpha: 0.95, eps: 0.01);
        Train(ours, warm, theirs, their, 7);
        // A fresh optimizer of ours over the same parameters, loaded from TorchSharp's bytes.
        var (ours2, _) = Twins(7);
        using var _o2 = ours2;
        using (no_grad())
            foreach (var (a, b) in ours2.parameters().Zip(theirs.parameters())) a.copy_(b);
        using var our = new CenteredRmsProp(ours2.parameters(), lr: 2.5e-4, alpha: 0.95, eps: 0.01);
        our.Load(new BinaryReader(new MemoryStream(Bytes(their.save_state_dict))));
        Assert.Equal(Bytes(their.save_state_dict), Bytes(our.Save));
        Train(ours2, our, theirs, their, 8);
    }
}
