using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace ReDo.Shell.Torch;

/// <summary>
/// A CPU tensor allocated once by libtorch (64-byte aligned) whose elements the shell writes directly
/// through <see cref="Span"/>: the replay samples straight into the batch tensors, so an update makes
/// no input tensors and copies nothing (docs/performance.md), where <c>tensor(float[], shape)</c> would
/// make a pinned copy per array, released by a native callback.
/// </summary>
public sealed class HostTensor<T> : IDisposable where T : unmanaged
{
    public Tensor Tensor { get; }

    public HostTensor(ScalarType dtype, params long[] shape)
    {
        Tensor = zeros(shape, dtype).DetachFromDisposeScope();
        if (Tensor.ElementSize != Marshal.SizeOf<T>()) throw new ArgumentException($"{dtype} elements are not {typeof(T).Name}s");
    }

    /// <summary>The elements, row-major; valid while this object lives. Do not hold it across a resize (there is none).</summary>
    public Span<T> Span => MemoryMarshal.Cast<byte, T>(Tensor.bytes);

    public void Dispose() => Tensor.Dispose();
}
