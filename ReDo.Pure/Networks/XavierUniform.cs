namespace ReDo.Pure.Networks;

/// <summary>
/// Glorot/Xavier-uniform bounds of a whole kernel: U(±√(6 / (fan_in + fan_out))), fans including the
/// receptive field: the reference's (Dopamine's) initialisation, see <see cref="Initializer.XavierUniform"/>.
/// </summary>
public static class XavierUniform
{
    public static double Bound(LayerSpec layer) => Math.Sqrt(6.0 / (layer.FanIn + layer.FanOut));
}
