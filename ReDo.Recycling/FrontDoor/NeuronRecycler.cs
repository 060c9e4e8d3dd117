using ReDo.Pure.Dormancy;
using ReDo.Recycling.Discovery;
using ReDo.Recycling.Networks;
using ReDo.Recycling.Optimizers;
using static TorchSharp.torch;

namespace ReDo.Recycling;

/// <summary>
/// ReDo in one object, as Dopamine's <c>NeuronRecycler.maybe_update_weights</c>: build it with your model,
/// your optimizer and the settings, then call <see cref="MaybeUpdateWeights"/> once per gradient step with a
/// probe batch. On a recycle step it scores every hidden layer on the probe (Eq. 1), recycles the τ-dormant
/// neurons in place (incoming weights redrawn from the layer's initialiser, outgoing weights and bias zero,
/// the optimizer's moments zeroed at exactly those entries) and returns what it measured and did. The layers
/// are discovered on the first probe (<see cref="ModuleNetwork"/>); the lower-level calls
/// (<see cref="DormantNeuronRecycler"/>, <see cref="ActivationProbe"/>, <see cref="DormancyReport"/>) stay public.
/// Redraws come from a generator seeded with <see cref="RecyclerSettings.Seed"/> on the weights' device.
/// </summary>
public sealed class NeuronRecycler : IDisposable
{
    readonly nn.Module<Tensor, Tensor>? _model;
    readonly RecyclerSettings _settings;
    readonly bool _ownsNetwork;
    IRecyclableNetwork? _network;
    Generator? _generator;

    public OptimizerMoments Moments { get; }

    /// <summary>Your module and one of TorchSharp's Adam, AdamW, RMSprop or SGD (any other is refused here).</summary>
    public NeuronRecycler(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, RecyclerSettings settings)
        : this(model, new OptimizerMoments(optimizer), settings) { }

    /// <summary>Your module and one of the flat optimizers of <see cref="ReDo.Recycling.Optimizers"/>.</summary>
    public NeuronRecycler(nn.Module<Tensor, Tensor> model, FlatOptimizer optimizer, RecyclerSettings settings)
        : this(model, new OptimizerMoments(optimizer), settings) { }

    /// <summary>Your module and its optimizer state as ReDo reaches it (<see cref="OptimizerMoments.None"/> for stateless training).</summary>
    public NeuronRecycler(nn.Module<Tensor, Tensor> model, OptimizerMoments moments, RecyclerSettings settings)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        Moments = moments ?? throw new ArgumentNullException(nameof(moments), "pass the optimizer's state, or OptimizerMoments.None if training keeps none");
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _ownsNetwork = true;
    }

    /// <summary>A network already made recyclable (a <see cref="SpecNetwork"/>, a <see cref="SequentialNetwork"/>, a <see cref="ModuleNetwork"/>).</summary>
    public NeuronRecycler(IRecyclableNetwork network, OptimizerMoments moments, RecyclerSettings settings)
    {
        _network = network ?? throw new ArgumentNullException(nameof(network));
        Moments = moments ?? throw new ArgumentNullException(nameof(moments), "pass the optimizer's state, or OptimizerMoments.None if training keeps none");
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    /// <summary>The network as ReDo sees it (discovered on the first probe when built from a module).</summary>
    public IRecyclableNetwork Network(Tensor probe) =>
        _network ??= new ModuleNetwork(_model!, probe, _settings.Discovery ?? DiscoveryOptions.Default);

    /// <summary>
    /// Call once per gradient step (the step just taken, counted from 1): recycles when the schedule says so
    /// and returns what was measured and done; otherwise returns at once without touching anything.
    /// </summary>
    public RecyclerStep MaybeUpdateWeights(long step, Tensor probe)
    {
        if (!_settings.Schedule.IsRecycleStep(step)) return new RecyclerStep(step, null);
        var network = Network(probe);
        return new RecyclerStep(step, DormantNeuronRecycler.Recycle(network, Moments, probe, _settings.ToRecycleSettings(), Generator(network), step));
    }

    /// <summary>Dormancy of every scored layer on the probe at <paramref name="tau"/> (the settings' τ by default), changing nothing.</summary>
    public DormancyReport Measure(Tensor probe, double? tau = null)
    {
        var network = Network(probe);
        return DormancyReport.Assess(network.Spec, ActivationProbe.Measure(network, probe), tau ?? _settings.Tau);
    }

    Generator Generator(IRecyclableNetwork network) =>
        _generator ??= new Generator(_settings.Seed, network.Weight(network.Spec.Layers[0].Name).device);

    public void Dispose()
    {
        if (_ownsNetwork && _network is IDisposable disposable) disposable.Dispose();
        _generator?.Dispose();
    }
}
