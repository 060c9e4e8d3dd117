using ReDo.Pure.Recycling;
using ReDo.Pure.Schedules;
using ReDo.Recycling;
using ReDo.Recycling.Discovery;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace ReDo.Properties.Examples.Library;

/// <summary>The library's front door on hand-written modules: refusals with their fixes, LayerNorm, the step-count option, float64.</summary>
public class FrontDoorExamples
{
    static RecyclerSettings EveryStep(RecycleOptions? options = null) => new(new RecycleSchedule(Period: 1), Tau: 0.0, Seed: 3, Options: options);

    /// <summary>fc1 → ReLU → (× 2, outside any module) → fc2: the trace cannot see who feeds fc2.</summary>
    sealed class ScaledBetween : nn.Module<Tensor, Tensor>
    {
        readonly Linear fc1 = nn.Linear(3, 5), fc2 = nn.Linear(5, 2);
        readonly ReLU act = nn.ReLU();
        readonly Scalar two = 2.0.ToScalar();
        public ScaledBetween() : base("scaled") => RegisterComponents();
        public override Tensor forward(Tensor x) => fc2.call(act.call(fc1.call(x)).mul(two));
    }

    [Fact]
    public void A_graph_the_forward_does_not_show_is_refused_with_the_fix_and_accepted_once_stated()
    {
        using var model = new ScaledBetween();
        using var probe = rand(4, 3);
        using var opt = optim.Adam(model.parameters());
        using var guessing = new NeuronRecycler(model, opt, EveryStep());
        var refused = Assert.Throws<ArgumentException>(() => guessing.Network(probe));
        Assert.Contains("cannot tell which layer feeds 'fc2'", refused.Message);
        Assert.Contains("Producers", refused.Message);
        Assert.Contains("'fc1'", refused.Message);   // the candidate whose size fits

        using var stated = new NeuronRecycler(model, opt, EveryStep() with { Discovery = new DiscoveryOptions(new Dictionary<string, string> { ["fc2"] = "fc1" }) });
        var spec = stated.Network(probe).Spec;
        Assert.Equal("fc1", spec.Layer("fc2").Input);
        Assert.Equal(ReDo.Pure.Networks.Activation.Relu, spec.Layer("fc1").Activation);

        using var wrong = new NeuronRecycler(model, opt, EveryStep() with { Discovery = new DiscoveryOptions(new Dictionary<string, string> { ["fc1"] = "fc2" }) });
        Assert.Contains("the producer map says 'fc1' reads 'fc2'", Assert.Throws<ArgumentException>(() => wrong.Network(probe)).Message);
    }

    /// <summary>fc runs twice (shared weights); out reads it; hooks see both runs.</summary>
    sealed class Shared : nn.Module<Tensor, Tensor>
    {
        readonly Linear fc = nn.Linear(3, 3), output = nn.Linear(3, 1);
        readonly ReLU act = nn.ReLU();
        public Shared() : base("shared") => RegisterComponents();
        public override Tensor forward(Tensor x) => output.call(act.call(fc.call(act.call(fc.call(x)))));
    }

    /// <summary>fc invoked with forward(), not call(): hooks never fire.</summary>
    sealed class Uncalled : nn.Module<Tensor, Tensor>
    {
        readonly Linear fc = nn.Linear(3, 1);
        public Uncalled() : base("uncalled") => RegisterComponents();
        public override Tensor forward(Tensor x) => fc.forward(x);
    }

    [Fact]
    public void Shared_weights_and_modules_run_without_call_are_refused_with_the_reason()
    {
        using var probe = rand(4, 3);
        using var shared = new Shared();
        Assert.Contains("layer 'fc' ran 2 times in one forward", Assert.Throws<ArgumentException>(() => new ReDo.Recycling.Networks.ModuleNetwork(shared, probe)).Message);
        using var uncalled = new Uncalled();
        Assert.Contains("invoked with call()", Assert.Throws<ArgumentException>(() => new ReDo.Recycling.Networks.ModuleNetwork(uncalled, probe)).Message);
    }

    [Fact]
    public void An_optimizer_the_library_cannot_reach_is_refused_when_built_and_a_missing_one_too()
    {
        using var model = nn.Sequential(("fc", nn.Linear(3, 4)), ("act", nn.ReLU()), ("out", nn.Linear(4, 1)));
        using var adagrad = optim.Adagrad(model.parameters());
        var refused = Assert.Throws<NotSupportedException>(() => new NeuronRecycler(model, adagrad, EveryStep()));
        Assert.Contains("Adagrad", refused.Message);
        Assert.Contains("OptimizerMoments.None", refused.Message);
        using var probe = rand(4, 3);
        using var net = new ModuleNetworkHandle(model, probe);
        using var g = new Generator(1, CPU);
        var missing = Assert.Throws<ArgumentNullException>(() => DormantNeuronRecycler.Recycle(net.Net, null!, probe, new RecycleSettings(0.0), g));
        Assert.Contains("OptimizerMoments.None", missing.Message);
    }

    /// <summary>fc → LayerNorm → ReLU → out, trained with torch's Adam; feature 1 is made dormant by its LayerNorm (γ = 0, β = −1).</summary>
    [Fact]
    public void A_recycled_features_layernorm_gain_and_shift_restart_at_one_and_zero_with_their_moments_zero()
    {
        manual_seed(5);
        using var model = nn.Sequential(("fc", nn.Linear(3, 4)), ("norm", nn.LayerNorm(4)), ("act", nn.ReLU()), ("out", nn.Linear(4, 2)));
        using var opt = optim.Adam(model.parameters(), lr: 0.05);
        Train(model, opt, 3);
        var norm = (LayerNorm)model.named_modules().Single(m => m.name == "norm").module;
        using (no_grad()) { norm.weight![1].zero_(); using var m1 = (-1.0).ToScalar(); norm.bias![1].fill_(m1); }
        var gainBefore = norm.weight!.detach().clone();
        var shiftBefore = norm.bias!.detach().clone();
        var state = (TorchSharp.Modules.Adam.State)opt.state_dict().State[2];   // fc.weight, fc.bias, norm.weight, …
        var momentBefore = state.exp_avg.clone();

        using var probe = rand(16, 3);
        using var recycler = new NeuronRecycler(model, opt, EveryStep());
        var step = recycler.MaybeUpdateWeights(1, probe);

        var recycled = step.Plan!.For("fc")!.Neurons;
        Assert.Contains(1, recycled);
        foreach (var j in recycled)
        {
            Assert.Equal(1f, norm.weight![j].item<float>());
            Assert.Equal(0f, norm.bias![j].item<float>());
            Assert.Equal(0f, state.exp_avg[j].item<float>());
        }
        foreach (var j in Enumerable.Range(0, 4).Except(recycled))
        {
            Assert.Equal(gainBefore[j].item<float>(), norm.weight![j].item<float>());
            Assert.Equal(shiftBefore[j].item<float>(), norm.bias![j].item<float>());
            Assert.Equal(momentBefore[j].item<float>(), state.exp_avg[j].item<float>());
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_step_count_is_kept_by_default_and_reset_when_asked(bool reset)
    {
        manual_seed(2);
        using var model = nn.Sequential(("fc", nn.Linear(3, 4)), ("act", nn.Tanh()), ("out", nn.Linear(4, 2)));
        using var opt = optim.AdamW(model.parameters(), lr: 0.01);
        Train(model, opt, 4);
        var fc = (Linear)model.named_modules().Single(m => m.name == "fc").module;
        using (no_grad()) { fc.weight![0].zero_(); fc.bias![0].zero_(); }   // tanh(0) = 0: dormant at τ = 0
        using var probe = rand(8, 3);
        using var recycler = new NeuronRecycler(model, opt, EveryStep(RecycleOptions.Reference with { ResetOptimizerStep = reset }));
        var step = recycler.MaybeUpdateWeights(1, probe);
        Assert.Contains(0, step.Plan!.For("fc")!.Neurons);
        Assert.Equal(reset ? 0 : 4, recycler.Moments.Step(fc.weight!));
    }

    [Fact]
    public void A_float64_model_is_redrawn_in_float64_within_its_initial_bound()
    {
        manual_seed(9);
        using var model = nn.Sequential(("fc", nn.Linear(3, 5)), ("act", nn.SiLU()), ("out", nn.Linear(5, 2)));
        model.to(ScalarType.Float64);
        using var opt = optim.SGD(model.parameters(), learningRate: 0.1, momentum: 0.9);
        var fc = (Linear)model.named_modules().Single(m => m.name == "fc").module;
        using (no_grad()) { fc.weight![2].zero_(); fc.bias![2].zero_(); }
        using var probe = rand([6, 3], ScalarType.Float64);
        using var recycler = new NeuronRecycler(model, opt, EveryStep());
        var step = recycler.MaybeUpdateWeights(1, probe);
        Assert.Contains(2, step.Plan!.For("fc")!.Neurons);
        Assert.Equal(ScalarType.Float64, fc.weight!.dtype);
        var row = fc.weight![2].data<double>().ToArray();
        Assert.All(row, w => Assert.InRange(Math.Abs(w), 0.0, 1.0 / Math.Sqrt(3)));
        Assert.Contains(row, w => w != 0);
    }

    /// <summary>A few real steps on y², so that every moment is non-zero.</summary>
    static void Train(nn.Module<Tensor, Tensor> model, optim.Optimizer opt, int steps)
    {
        for (int i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            var y = model.call(rand(8, 3));
            y.mul(y).mean().backward();
            opt.step();
            opt.zero_grad();
        }
    }

    /// <summary>The recyclable view of a module, disposed with the test.</summary>
    sealed class ModuleNetworkHandle(nn.Module<Tensor, Tensor> model, Tensor probe) : IDisposable
    {
        public ReDo.Recycling.Networks.ModuleNetwork Net { get; } = new(model, probe);
        public void Dispose() => Net.Dispose();
    }
}
