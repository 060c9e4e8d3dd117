using System.Runtime.InteropServices;
using TorchSharp;

namespace ReDo.Recycling.Torch;

/// <summary>
/// libtorch_cpu's own exports, for the few switches TorchSharp 0.107 does not wrap (flush-to-zero,
/// NNPACK): found by their Itanium-mangled C++ names, so they are missing under Windows' mangling and
/// callers treat a missing export as "switch unavailable", never as an error.
/// </summary>
static class LibTorchCpu
{
    static readonly nint Handle = Load();

    static nint Load()
    {
        _ = torch.TryInitializeDeviceType(DeviceType.CPU);  // loads libtorch_cpu
        foreach (var name in new[] { "libtorch_cpu.so", "libtorch_cpu.dylib", "torch_cpu.dll" })
            if (NativeLibrary.TryLoad(name, typeof(torch).Assembly, null, out var lib)) return lib;
        return 0;
    }

    /// <summary>The address of <paramref name="mangledName"/>, or 0 when libtorch_cpu or the export is missing.</summary>
    public static nint Export(string mangledName) =>
        Handle != 0 && NativeLibrary.TryGetExport(Handle, mangledName, out var fn) ? fn : 0;
}
