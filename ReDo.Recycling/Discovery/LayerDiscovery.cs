using ReDo.Pure.Collections;
using ReDo.Pure.Networks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Recycling.Discovery;

/// <summary>
/// Turns one traced forward of a model (<see cref="ForwardTracer"/>) into the <see cref="NetworkSpec"/>
/// ReDo plans on. A layer's producer is what the trace proves (its input is that layer's output, passed on
/// only by modules) or what <see cref="DiscoveryOptions.Producers"/> states; where neither says, or they
/// disagree, or a layer runs twice, discovery refuses with the reason and the fix. It never guesses.
/// </summary>
public static class LayerDiscovery
{
    public static (NetworkSpec Spec, IReadOnlyList<DiscoveredLayer> Layers) Discover(nn.Module model, TraceRecord record, long[] inputShape, DiscoveryOptions options)
    {
        var problems = new List<string>(record.Problems);
        var stated = options.Producers ?? new Dictionary<string, string>();
        var runs = record.Layers.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (name, list) in runs.Where(kv => kv.Value.Count > 1))
            problems.Add($"layer '{name}' ran {list.Count} times in one forward; ReDo recycles layers that run once (no shared or recurrent weights)");
        var first = record.Layers.DistinctBy(r => r.Name).ToList();
        var known = first.ToDictionary(r => r.Name);
        foreach (var name in stated.Keys.Concat(stated.Values).Where(n => n != NetworkSpec.InputName && !known.ContainsKey(n)).Distinct())
            problems.Add($"the producer map names '{name}', which is not a Linear or Conv2d layer that ran in the forward (layers: {string.Join(", ", known.Keys)})");
        var moduleByName = model.named_modules().ToDictionary(m => m.name.Length == 0 ? "model" : m.name, m => m.module);

        var layers = new List<LayerSpec>();
        var found = new List<DiscoveredLayer>();
        foreach (var run in first)
        {
            var producer = Producer(run, stated, known, problems);
            if (producer is null) continue;
            var spec = Spec(run, producer, known, problems, options.Init);
            if (spec is null) continue;
            layers.Add(spec);
        }
        var consumed = layers.Select(l => l.Input).ToHashSet();
        for (int i = 0; i < layers.Count; i++)
        {
            var l = layers[i];
            bool hidden = consumed.Contains(l.Name);
            var activations = record.Activations.GetValueOrDefault(l.Name) ?? [];
            var norms = record.Norms.GetValueOrDefault(l.Name) ?? [];
            if (activations.Select(a => a.Kind).Distinct().Count() > 1)
                problems.Add($"layer '{l.Name}' is followed by different activations ({string.Join(", ", activations.Select(a => a.Module))})");
            if (norms.Distinct().Count() > 1)
                problems.Add($"layer '{l.Name}' feeds several LayerNorms ({string.Join(", ", norms.Distinct())}); ReDo resets one per layer");
            var norm = norms.Count > 0 ? moduleByName[norms[0]] as LayerNorm : null;
            if (norm is not null && (norm.normalized_shape.Length != 1 || norm.normalized_shape[0] != l.Neurons || l.Kind != LayerKind.Linear))
                problems.Add($"LayerNorm '{norms[0]}' normalises [{string.Join(", ", norm.normalized_shape)}] of layer '{l.Name}'; ReDo supports a LayerNorm over a Linear layer's {l.Neurons} features");
            layers[i] = l with
            {
                Role = hidden ? LayerRole.Hidden : LayerRole.Output,
                Activation = activations.Count > 0 ? activations[0].Kind : Activation.Identity,
            };
            var module = known[l.Name].Module;
            var (weight, bias) = module switch
            {
                Linear linear => (linear.weight!, linear.bias),
                Conv2d conv => (conv.weight!, conv.bias),
                _ => throw new InvalidOperationException("a weighted module is a Linear or a Conv2d"),
            };
            found.Add(new DiscoveredLayer(l.Name, weight, bias, activations.Count > 0 ? activations[0].Module : l.Name, norm));
        }
        if (layers.Count == 0 && problems.Count == 0) problems.Add("no Linear or Conv2d layer ran in the forward (are submodules invoked with call()?)");
        if (problems.Count > 0)
            throw new ArgumentException($"cannot make '{options.Name}' recyclable:\n- " + string.Join("\n- ", problems.Distinct()));
        return (new NetworkSpec(options.Name, new InputSpec(inputShape.Skip(1).Select(d => (int)d).ToValueList()), layers.ToValueList()), found);
    }

    /// <summary>The producer's name and the flatten between them, or null (with the reason added to <paramref name="problems"/>).</summary>
    static TensorSource? Producer(LayerRun run, IReadOnlyDictionary<string, string> stated, IReadOnlyDictionary<string, LayerRun> known, List<string> problems)
    {
        var traced = run.Source;
        if (stated.TryGetValue(run.Name, out var named))
        {
            if (traced is not null && traced.Layer != named)
            {
                problems.Add($"the producer map says '{run.Name}' reads '{named}', but the forward passes it the output of '{traced.Layer}'");
                return null;
            }
            if (traced is not null) return traced;
            if (named == NetworkSpec.InputName) return TensorSource.Input;
            if (!known.TryGetValue(named, out var producer)) return null;   // already reported
            return FlattenFor(run, producer, problems) is var (ok, flatten) && ok ? new TensorSource(named, true, flatten) : null;
        }
        if (traced is not null) return traced;
        var fits = known.Values.Where(p => p.Name != run.Name && Fits(run, p)).Select(p => $"'{p.Name}'").ToList();
        problems.Add($"cannot tell which layer feeds '{run.Name}': its input was made outside module calls{(run.OpaqueSource is { } m ? $" (by '{m}', a module ReDo does not know)" : "")}. " +
                     $"State it: new DiscoveryOptions(Producers: new Dictionary<string, string> {{ [\"{run.Name}\"] = \"<producer>\" }}) " +
                     $"(layers whose size fits: {(fits.Count > 0 ? string.Join(", ", fits) : "none")}; or \"input\")");
        return null;
    }

    /// <summary>How a stated producer's output reaches a consumer whose input the trace could not follow: directly, or flattened (C, H, W).</summary>
    static (bool Ok, FlattenSpec? Flatten) FlattenFor(LayerRun consumer, LayerRun producer, List<string> problems)
    {
        long units = consumer.Module is Linear linear ? linear.in_features : ((Conv2d)consumer.Module).in_channels;
        var shape = producer.OutputShape;
        if (units == shape[1] && (shape.Length == 2 || consumer.Module is Conv2d)) return (true, null);
        if (consumer.Module is Linear && shape.Length == 4 && units == shape[1] * shape[2] * shape[3])
            return (true, new FlattenSpec((int)shape[1], (int)shape[2], (int)shape[3]));
        problems.Add($"'{consumer.Name}' takes {units} inputs, which does not match the output [{string.Join(", ", shape.Skip(1))}] of '{producer.Name}' it is said to read");
        return (false, null);
    }

    static bool Fits(LayerRun consumer, LayerRun producer)
    {
        long units = consumer.Module is Linear linear ? linear.in_features : ((Conv2d)consumer.Module).in_channels;
        var s = producer.OutputShape;
        return units == s[1] || (s.Length == 4 && units == s[1] * s[2] * s[3]);
    }

    static LayerSpec? Spec(LayerRun run, TensorSource producer, IReadOnlyDictionary<string, LayerRun> known, List<string> problems, Initializer init)
    {
        switch (run.Module)
        {
            case Linear linear:
            {
                if (!producer.IsInput && producer.Flatten is null && known[producer.Layer].OutputShape.Length == 4)
                {
                    problems.Add($"'{run.Name}' reads the [C,H,W] map of '{producer.Layer}' without a Flatten");
                    return null;
                }
                var flatten = producer.IsInput ? null : producer.Flatten;
                return new LayerSpec(run.Name, LayerKind.Linear, (int)linear.in_features, (int)linear.out_features, Activation.Identity, LayerRole.Hidden,
                    producer.Layer, Flatten: flatten, Init: init, HasBias: linear.bias is not null);
            }
            case Conv2d conv:
            {
                if (conv.groups != 1 || conv.dilation.Any(d => d != 1))
                {
                    problems.Add($"'{run.Name}': grouped or dilated convolutions are not supported");
                    return null;
                }
                if (producer.Flatten is not null)
                {
                    problems.Add($"'{run.Name}' reads a flattened tensor");
                    return null;
                }
                // Padding as the conv computed it, from the shapes it saw (covers 'same', 'valid' and explicit padding).
                int padH = (int)((run.OutputShape[2] - 1) * conv.stride[0] + conv.kernel_size[0] - run.InputShape[2]);
                int padW = (int)((run.OutputShape[3] - 1) * conv.stride[conv.stride.Length > 1 ? 1 : 0] + conv.kernel_size[conv.kernel_size.Length > 1 ? 1 : 0] - run.InputShape[3]);
                var padding = new Padding2d(Math.Max(padH, 0) / 2, Math.Max(padH, 0) - Math.Max(padH, 0) / 2, Math.Max(padW, 0) / 2, Math.Max(padW, 0) - Math.Max(padW, 0) / 2);
                return new LayerSpec(run.Name, LayerKind.Conv2d, (int)conv.in_channels, (int)conv.out_channels, Activation.Identity, LayerRole.Hidden, producer.Layer,
                    (int)conv.kernel_size[0], (int)conv.kernel_size[conv.kernel_size.Length > 1 ? 1 : 0], (int)conv.stride[0], (int)conv.stride[conv.stride.Length > 1 ? 1 : 0],
                    padding, Init: init, HasBias: conv.bias is not null);
            }
            default:
                return null;
        }
    }
}
