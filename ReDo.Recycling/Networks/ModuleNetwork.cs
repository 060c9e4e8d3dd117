using ReDo.Pure.Networks;
using ReDo.Recycling.Discovery;
using ReDo.Recycling.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Recycling.Networks;

/// <summary>
/// Makes any TorchSharp module recyclable: its Linear and Conv2d layers (with or without bias) are found
/// through <c>named_modules()</c> and one traced forward of <paramref name="sampleInput"/> (forward hooks,
/// <see cref="ForwardTracer"/>); which layer feeds which is read off that forward, so chains, shared trunks,
/// dueling heads and actor–critic heads need no help as long as the forward passes tensors from module to
/// module. Where it computes in between, <see cref="DiscoveryOptions.Producers"/> states the map; anything
/// else is refused (<see cref="LayerDiscovery"/>). Layer names are the modules' <c>named_modules()</c> paths.
/// Scores and recycling run in eval mode (Dropout off) and restore the module's training flag after.
/// </summary>
public sealed class ModuleNetwork : IRecyclableNetwork, IDisposable
{
    readonly nn.Module<Tensor, Tensor> _model;
    readonly ForwardTracer _tracer;
    readonly Dictionary<string, DiscoveredLayer> _layers;

    public NetworkSpec Spec { get; }

    /// <param name="model">Your network; submodules must be invoked with <c>call()</c> so that hooks fire.</param>
    /// <param name="sampleInput">A batch shaped like the real input (e.g. a probe batch); used once, without gradients.</param>
    public ModuleNetwork(nn.Module<Tensor, Tensor> model, Tensor sampleInput, DiscoveryOptions? options = null)
    {
        options ??= DiscoveryOptions.Default;
        _model = model;
        _tracer = new ForwardTracer(model);
        try
        {
            TraceRecord record;
            using (var scope = NewDisposeScope())
            using (var _ = no_grad())
                record = InEval(() => _tracer.Record(sampleInput, _model.call));
            var (spec, layers) = LayerDiscovery.Discover(model, record, sampleInput.shape, options);
            Spec = spec;
            _layers = layers.ToDictionary(l => l.Name);
            _tracer.CapturePoints = layers.ToDictionary(l => l.Name, l => l.CapturePoint);
            if (Spec.HasConvolution) Nnpack.TurnOff();   // as SpecNetwork: one conv kernel on every CPU
        }
        catch
        {
            _tracer.Dispose();
            throw;
        }
    }

    public Parameter Weight(string layer) => Find(layer).Weight;
    public Parameter? Bias(string layer) => Find(layer).Bias;
    public LayerNorm? FeatureNorm(string layer) => Find(layer).Norm;
    public IEnumerable<Parameter> Parameters() => _model.parameters();

    public Tensor Forward(Tensor input) => InEval(() => _model.call(input));

    public Tensor ForwardCapturing(Tensor input, IDictionary<string, Tensor> activations) =>
        InEval(() => _tracer.Run(input, _model.call, null, activations));

    T InEval<T>(Func<T> run)
    {
        bool training = _model.training;
        if (training) _model.eval();
        try { return run(); }
        finally { if (training) _model.train(); }
    }

    DiscoveredLayer Find(string layer) =>
        _layers.TryGetValue(layer, out var found) ? found : throw new ArgumentException($"'{Spec.Name}' has no recyclable layer '{layer}' (layers: {string.Join(", ", _layers.Keys)})");

    public void Dispose() => _tracer.Dispose();
}
