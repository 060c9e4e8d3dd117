using TorchSharp;

namespace ReDo.Recycling.Torch;

/// <summary>
/// Scalars every path needs, created once and alive for the process (a static root), so that no
/// call makes an implicit Scalar the finalizer could free during the native call
/// (docs/torch-rules.md). Pass <see cref="One"/> as alpha/value where TorchSharp's short overloads
/// would make one.
/// </summary>
public static class Scalars
{
    public static readonly Scalar Zero = 0.0.ToScalar();
    public static readonly Scalar One = 1.0.ToScalar();
    public static readonly Scalar Tenth = 0.1.ToScalar();
}
