namespace ReDo.Recycling.Torch;

/// <summary>
/// Flush-to-zero for denormal floats on the calling thread (libtorch's
/// <c>torch.set_flush_denormal</c>, which TorchSharp 0.107 does not expose; we call
/// <c>at::Context::setFlushDenormal(bool)</c>, a static member, from libtorch_cpu).
/// Why it matters here: a dormant neuron's gradients are exactly 0, so its RMSprop/Adam moments
/// decay geometrically (×0.95 per step) into the denormal range and then stay there for ever
/// (0.95 × the smallest denormal rounds back to it), and every op over those entries runs on
/// the CPU's slow microcode path (docs/performance.md). Flushing changes values only below
/// 1.2e-38, which are then added to ε (≥ 1e-8) before any division, so the training result does
/// not move (checked byte for byte: docs/performance.md).
/// The flag is per thread (MXCSR): set it on the thread that trains.
/// </summary>
public static unsafe class Denormals
{
    static readonly delegate* unmanaged<byte, byte> SetFlush =
        (delegate* unmanaged<byte, byte>)LibTorchCpu.Export("_ZN2at7Context16setFlushDenormalEb");

    /// <summary>Whether this libtorch offers the switch (x86 with SSE3; not found e.g. on Windows' mangling).</summary>
    public static bool Available => SetFlush != null;

    /// <summary>Turns flush-to-zero on or off for the calling thread; false when unavailable or refused by the CPU.</summary>
    public static bool FlushToZero(bool on) => SetFlush != null && SetFlush(on ? (byte)1 : (byte)0) != 0;
}
