using ReDo.Pure.Collections;

namespace ReDo.Pure.Networks;

/// <summary>
/// SAC's networks as the paper's TF-Agents agent builds them (App. B, Table 4): an actor MLP
/// (256, 256) ReLU whose output layer gives the tanh-Gaussian's means and log standard deviations
/// (2·|A| units: first |A| means, then |A| log-stds), and a critic MLP (256, 256) ReLU on
/// concat(observation, action) with one output. Hidden widths scale with the width multiplier
/// (Table 6: 0.25, 0.5, 1). Every layer is scored; only hidden layers are recycled.
/// </summary>
public static class SacNetworks
{
    public const int ReferenceWidth = 256;

    public static int HiddenWidth(double widthMultiplier)
    {
        if (!(widthMultiplier > 0) || double.IsInfinity(widthMultiplier))
            throw new ArgumentOutOfRangeException(nameof(widthMultiplier), widthMultiplier, "the width multiplier must be a positive number (0.25, 0.5, 1 …)");
        return Math.Max(1, (int)Math.Round(ReferenceWidth * widthMultiplier));
    }

    public static NetworkSpec Actor(int observations, int actions, double widthMultiplier = 1.0) =>
        Mlp("sac-actor", observations, 2 * actions, HiddenWidth(widthMultiplier));

    public static NetworkSpec Critic(int observations, int actions, double widthMultiplier = 1.0) =>
        Mlp("sac-critic", observations + actions, 1, HiddenWidth(widthMultiplier));

    // Glorot-uniform kernels and zero biases (TF-Agents' glorot_uniform), so ReDo's redraws use the same distribution.
    static NetworkSpec Mlp(string name, int inputs, int outputs, int width) => new(name, InputSpec.Vector(inputs), ValueList.Of(
        LayerSpec.Linear("Dense_0", inputs, width, Activation.Relu, LayerRole.Hidden, NetworkSpec.InputName) with { Init = Initializer.XavierUniform },
        LayerSpec.Linear("Dense_1", width, width, Activation.Relu, LayerRole.Hidden, "Dense_0") with { Init = Initializer.XavierUniform },
        LayerSpec.Linear("final_layer", width, outputs, Activation.Identity, LayerRole.Output, "Dense_1") with { Init = Initializer.XavierUniform }));
}
