using ReDo.Pure.Networks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Recycling.Discovery;

/// <summary>
/// Forward hooks on every leaf module of a model that follow, by tensor identity, which weighted layer each
/// module's input came from: a Linear/Conv2d starts a source, an activation marks it activated, Dropout,
/// pooling, Identity and LayerNorm pass it on, Flatten records the (C, H, W) it flattened. A tensor made
/// by code outside module calls has no source. Used once to discover the layers (<see cref="Record"/>), then
/// on every probe forward to capture each scored layer's output at its capture point. Hooks fire only when
/// modules are invoked with <c>call()</c>, as TorchSharp's containers do.
/// </summary>
public sealed class ForwardTracer : IDisposable
{
    readonly List<Action> _hooks = [];
    Dictionary<Tensor, TensorSource>? _sources;
    Dictionary<Tensor, string>? _opaque;
    TraceRecord? _record;
    IDictionary<string, Tensor>? _capture;
    IReadOnlyDictionary<string, string> _capturePoints = new Dictionary<string, string>();

    public ForwardTracer(nn.Module<Tensor, Tensor> model)
    {
        foreach (var (name, module) in model.named_modules())
        {
            var role = ModuleKind.RoleOf(module);
            if (role == ModuleRole.Container || module is not nn.Module<Tensor, Tensor> hooked) continue;
            var path = name.Length == 0 ? "model" : name;
            var hook = hooked.register_forward_hook((m, input, output) => { Seen(path, role, m, input, output); return null!; });
            _hooks.Add(() => hook.remove());
        }
    }

    /// <summary>Layer → the module whose output is that layer's scored output (its activation, or the layer itself).</summary>
    public IReadOnlyDictionary<string, string> CapturePoints { set => _capturePoints = value; }

    /// <summary>Runs <paramref name="forward"/> on <paramref name="input"/> and records what it saw.</summary>
    public TraceRecord Record(Tensor input, Func<Tensor, Tensor> forward)
    {
        var record = new TraceRecord();
        Run(input, forward, record, null).Dispose();
        return record;
    }

    /// <summary>Runs <paramref name="forward"/>, storing each scored layer's output (detached) in <paramref name="capture"/>.</summary>
    public Tensor Run(Tensor input, Func<Tensor, Tensor> forward, TraceRecord? record, IDictionary<string, Tensor>? capture)
    {
        _sources = new(ReferenceEqualityComparer.Instance) { [input] = TensorSource.Input };
        _opaque = new(ReferenceEqualityComparer.Instance);
        (_record, _capture) = (record, capture);
        try { return forward(input); }
        finally { (_sources, _opaque, _record, _capture) = (null, null, null, null); }
    }

    void Seen(string name, ModuleRole role, nn.Module module, Tensor input, Tensor output)
    {
        if (_sources is null || _opaque is null) return;   // a forward nobody traces
        var source = _sources.GetValueOrDefault(input);
        switch (role)
        {
            case ModuleRole.Weighted:
                _record?.Layers.Add(new LayerRun(name, module, source, _opaque.GetValueOrDefault(input), input.shape, output.shape));
                _sources[output] = new TensorSource(name, Activated: false);
                Capture(name, name, output);
                break;
            case ModuleRole.Activation:
                if (source is null || source.IsInput || source.Activated || source.Flatten is not null)
                {
                    _record?.Problems.Add(source switch
                    {
                        null => $"activation '{name}' reads a tensor made outside the modules ReDo follows{Culprit(input)}, so ReDo cannot tell which layer it belongs to",
                        { IsInput: true } => $"activation '{name}' acts on the network input, not on a layer",
                        { Flatten: not null } => $"activation '{name}' follows a Flatten of layer '{source.Layer}'; put it before the Flatten",
                        _ => $"activation '{name}' follows another activation of layer '{source.Layer}'; ReDo scores one activation per layer",
                    });
                    break;
                }
                _record?.AddActivation(source.Layer, name, ModuleKind.ActivationOf(module));
                _sources[output] = source with { Activated = true };
                Capture(source.Layer, name, output);
                break;
            case ModuleRole.LayerNorm:
                if (source is null) break;
                if (!source.IsInput) _record?.AddNorm(source.Layer, name);
                _sources[output] = source;
                break;
            case ModuleRole.PassThrough:
                if (source is not null) _sources[output] = source;
                break;
            case ModuleRole.Flatten:
                if (source is null) break;
                if (input.dim() == 4 && output.dim() == 2 && source.Flatten is null)
                    _sources[output] = source with { Flatten = new FlattenSpec((int)input.shape[1], (int)input.shape[2], (int)input.shape[3]) };
                else if (input.dim() == output.dim()) _sources[output] = source;
                break;
            default:
                _opaque[output] = $"{name} ({module.GetType().Name})";
                break;
        }
    }

    string Culprit(Tensor input) => _opaque!.TryGetValue(input, out var m) ? $" (the output of '{m}', a module ReDo does not know; supported: {ModuleKind.Supported})" : "";

    void Capture(string layer, string module, Tensor output)
    {
        if (_capture is not null && _capturePoints.TryGetValue(layer, out var point) && point == module)
            _capture[layer] = output.detach();   // containers may dispose intermediates: keep our own handle
    }

    public void Dispose()
    {
        foreach (var remove in _hooks) remove();
        _hooks.Clear();
    }
}
