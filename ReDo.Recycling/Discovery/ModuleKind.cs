using ReDo.Pure.Networks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Recycling.Discovery;

/// <summary>What a module is to ReDo: a weighted layer, an activation, something features pass through, a LayerNorm, a container, or unknown.</summary>
public enum ModuleRole { Weighted, Activation, PassThrough, Flatten, LayerNorm, Container, Unsupported }

/// <summary>Sorts TorchSharp modules into the roles layer discovery knows.</summary>
public static class ModuleKind
{
    public const string Supported = "Linear, Conv2d; ReLU, LeakyReLU, GELU, SiLU, ELU, Tanh; LayerNorm; Dropout, Dropout2d, Flatten, Identity, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d";

    public static ModuleRole RoleOf(nn.Module module) => module switch
    {
        Linear or Conv2d => ModuleRole.Weighted,
        ReLU or LeakyReLU or GELU or SiLU or ELU or Tanh => ModuleRole.Activation,
        Flatten => ModuleRole.Flatten,
        Dropout or Dropout2d or Identity or MaxPool2d or AvgPool2d or AdaptiveAvgPool2d => ModuleRole.PassThrough,
        LayerNorm => ModuleRole.LayerNorm,
        _ when module.named_children().Any() => ModuleRole.Container,
        _ => ModuleRole.Unsupported,
    };

    public static Activation ActivationOf(nn.Module module) => module switch
    {
        ReLU => Activation.Relu,
        LeakyReLU => Activation.LeakyRelu,
        GELU => Activation.Gelu,
        SiLU => Activation.Silu,
        ELU => Activation.Elu,
        Tanh => Activation.Tanh,
        _ => throw new ArgumentException($"{module.GetType().Name} is not an activation ReDo knows"),
    };
}
