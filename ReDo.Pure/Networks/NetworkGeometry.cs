using ReDo.Pure.Collections;

namespace ReDo.Pure.Networks;

/// <summary>Output shapes of every layer and the consistency checks a spec must pass.</summary>
public static class NetworkGeometry
{
    /// <summary>Output shape of each layer without the batch axis: [C, H, W] for conv, [F] for linear.</summary>
    public static IReadOnlyDictionary<string, ValueList<int>> OutputShapes(NetworkSpec spec)
    {
        var errors = Validate(spec);
        if (errors.Count > 0) throw new ArgumentException($"invalid network spec '{spec.Name}': {string.Join("; ", errors)}");
        return ShapesUnchecked(spec, []);
    }

    /// <summary>Every inconsistency of the spec, as readable sentences (empty when valid).</summary>
    public static IReadOnlyList<string> Validate(NetworkSpec spec)
    {
        var errors = new List<string>();
        ShapesUnchecked(spec, errors);
        if (spec.Layers.Select(l => l.Name).Distinct().Count() != spec.Layers.Count)
            errors.Add("layer names must be unique");
        if (spec.Layers.Any(l => l.Name == NetworkSpec.InputName))
            errors.Add($"'{NetworkSpec.InputName}' is reserved for the network input");
        var outputs = spec.OutputLayers.ToList();
        if (spec.Head == OutputHead.Single && outputs.Count != 1)
            errors.Add($"a single-head network needs exactly one output layer, found {outputs.Count}");
        if (spec.Head == OutputHead.Dueling &&
            (outputs.Count != 2 || !outputs.Any(o => o.Name == "Value" && o.Neurons == 1) || !outputs.Any(o => o.Name == "Advantage")))
            errors.Add("a dueling network needs exactly two output layers, 'Value' (1 unit) and 'Advantage'");
        foreach (var l in spec.Layers.Where(l => l.Role == LayerRole.Output && spec.ConsumersOf(l.Name).Any()))
            errors.Add($"output layer '{l.Name}' must not feed another layer");
        foreach (var l in spec.Layers.Where(l => l.Role == LayerRole.Hidden && !spec.ConsumersOf(l.Name).Any()))
            errors.Add($"hidden layer '{l.Name}' feeds no layer");
        return errors;
    }

    static Dictionary<string, ValueList<int>> ShapesUnchecked(NetworkSpec spec, List<string> errors)
    {
        var shapes = new Dictionary<string, ValueList<int>> { [NetworkSpec.InputName] = spec.Input.Shape };
        foreach (var l in spec.Layers)
        {
            if (!shapes.TryGetValue(l.Input, out var input))
            {
                errors.Add($"layer '{l.Name}' reads '{l.Input}', which is not an earlier layer");
                shapes[l.Name] = ValueList.Of(l.Neurons);
                continue;
            }
            if (l.InputUnits <= 0 || l.Neurons <= 0) errors.Add($"layer '{l.Name}' needs positive sizes");
            if (l.Kind == LayerKind.Linear)
            {
                int features = input.Aggregate(1, (a, b) => a * b);
                if (input.Count == 3 && l.Flatten is null)
                    errors.Add($"linear layer '{l.Name}' reads a [C,H,W] map; give it a Flatten geometry");
                if (l.Flatten is { } f && (input.Count != 3 || f.Channels != input[0] || f.Height != input[1] || f.Width != input[2]))
                    errors.Add($"layer '{l.Name}' flattens {f.Channels}x{f.Height}x{f.Width} but its input is [{string.Join(",", input)}]");
                if (features != l.InputUnits)
                    errors.Add($"layer '{l.Name}' expects {l.InputUnits} inputs but receives {features}");
                shapes[l.Name] = ValueList.Of(l.Neurons);
            }
            else
            {
                if (input.Count != 3) { errors.Add($"conv layer '{l.Name}' needs a [C,H,W] input"); shapes[l.Name] = ValueList.Of(l.Neurons, 1, 1); continue; }
                if (input[0] != l.InputUnits) errors.Add($"conv layer '{l.Name}' expects {l.InputUnits} channels but receives {input[0]}");
                int h = (input[1] + l.Padding.Top + l.Padding.Bottom - l.KernelH) / l.StrideH + 1;
                int w = (input[2] + l.Padding.Left + l.Padding.Right - l.KernelW) / l.StrideW + 1;
                if (h <= 0 || w <= 0) errors.Add($"conv layer '{l.Name}' has an empty output ({h}x{w})");
                shapes[l.Name] = ValueList.Of(l.Neurons, Math.Max(h, 1), Math.Max(w, 1));
            }
        }
        return shapes;
    }
}
