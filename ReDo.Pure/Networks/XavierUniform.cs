namespace ReDo.Pure.Networks;

/// <summary>
/// Glorot/Xavier-uniform bounds of a whole kernel: U(±√(6 / (fan_in + fan_out))), fans including the
/// receptive field. This is the networks' original initialisation in the reference, and the
/// distribution a recycled neuron's incoming weights are redrawn from.
/// </summary>
public static class XavierUniform
{
    public static double Bound(LayerSpec layer) => Math.Sqrt(6.0 / (layer.FanIn + layer.FanOut));

    /// <summary>PyTorch's default bias init bound, U(±1/√fan_in) (the "bias default init" option).</summary>
    public static double DefaultBiasBound(LayerSpec layer) => 1.0 / Math.Sqrt(layer.FanIn);
}
