namespace ReDo.Recycling.Torch;

/// <summary>
/// Turns libtorch's NNPACK convolution off for the process (PyTorch's
/// <c>torch.backends.nnpack.set_flags(False)</c>, which TorchSharp 0.107 does not expose; we call
/// <c>at::globalContext().setUserEnabledNNPACK(false)</c> from libtorch_cpu). Every network with a
/// convolution does this when it is built, for two reasons:
/// <list type="bullet">
/// <item>On CPUs NNPACK does not support (no AVX2 or no cache information, as on our 2-core VMs)
/// libtorch retries NNPACK's initialisation on every conv call and logs "Could not initialize
/// NNPACK! Reason: Unsupported hardware." each time: 536,634 lines (≈ 50 MB) in one worker's log
/// over six 250 k-frame runs, gigabytes over a full-size experiment.</item>
/// <item>Where NNPACK does work it would replace the native conv kernel for batches ≥ 16, so the
/// same seed would train differently on such a machine; off everywhere, every CPU takes the
/// path the shipped results were made with.</item>
/// </list>
/// Results on machines without NNPACK do not move (libtorch already fell back to that kernel).
/// </summary>
public static unsafe class Nnpack
{
    static readonly delegate* unmanaged<nint> GlobalContext;
    static readonly delegate* unmanaged<nint, byte, void> SetUserEnabled;
    static readonly delegate* unmanaged<nint, byte> UserEnabled;

    static Nnpack()
    {
        nint context = LibTorchCpu.Export("_ZN2at13globalContextEv"),
             set = LibTorchCpu.Export("_ZN2at7Context20setUserEnabledNNPACKEb"),
             get = LibTorchCpu.Export("_ZNK2at7Context17userEnabledNNPACKEv");
        if (context == 0 || set == 0 || get == 0) return;   // all three or none
        GlobalContext = (delegate* unmanaged<nint>)context;
        SetUserEnabled = (delegate* unmanaged<nint, byte, void>)set;
        UserEnabled = (delegate* unmanaged<nint, byte>)get;
    }

    /// <summary>Whether this libtorch offers the switch (not found e.g. under Windows' name mangling).</summary>
    public static bool Available => GlobalContext != null;

    /// <summary>Whether libtorch may use NNPACK (null when the switch is unavailable).</summary>
    public static bool? Enabled => Available ? UserEnabled(GlobalContext()) != 0 : null;

    /// <summary>Turns NNPACK off for the whole process (a no-op where the switch is unavailable).</summary>
    public static void TurnOff()
    {
        if (Available) SetUserEnabled(GlobalContext(), 0);
    }
}
