using ReDo.Pure.Networks;
using ReDo.Recycling.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Recycling.Networks;

/// <summary>
/// Builds a plain <see cref="TorchSharp.Modules.Sequential"/> from a single-path spec with symmetric
/// padding (children named as the layers; ReLUs "&lt;layer&gt;_relu", flattens "&lt;layer&gt;_flatten").
/// </summary>
public static class SequentialBuilder
{
    public static TorchSharp.Modules.Sequential Build(NetworkSpec spec)
    {
        NetworkGeometry.OutputShapes(spec);
        if (spec.Head != OutputHead.Single) throw new ArgumentException("a Sequential cannot express dueling heads");
        if (spec.Input.Scale != 1.0) throw new ArgumentException("a Sequential has no input scaling; scale the input yourself");
        if (spec.HasConvolution) Nnpack.TurnOff();   // as SpecNetwork: one conv kernel on every CPU
        var children = new List<(string, nn.Module<Tensor, Tensor>)>();
        string previous = NetworkSpec.InputName;
        foreach (var l in spec.Layers)
        {
            if (l.Input != previous) throw new ArgumentException($"layer '{l.Name}' does not read the previous layer; a Sequential is a single path");
            if (l.Flatten is not null) children.Add(($"{l.Name}_flatten", nn.Flatten()));
            if (l.Kind == LayerKind.Linear) children.Add((l.Name, nn.Linear(l.InputUnits, l.Neurons)));
            else
            {
                if (!l.Padding.IsSymmetric) throw new ArgumentException($"layer '{l.Name}' has asymmetric padding, which Conv2d cannot express");
                children.Add((l.Name, nn.Conv2d(l.InputUnits, l.Neurons, (l.KernelH, l.KernelW), stride: (l.StrideH, l.StrideW), padding: (l.Padding.Top, l.Padding.Left))));
            }
            if (l.Activation == Activation.Relu) children.Add(($"{l.Name}_relu", nn.ReLU()));
            previous = l.Name;
        }
        return nn.Sequential(children);
    }
}
