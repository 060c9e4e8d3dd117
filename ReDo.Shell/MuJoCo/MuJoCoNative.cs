using System.Runtime.InteropServices;

namespace ReDo.Shell.MuJoCo;

/// <summary>
/// The few C functions of Debian's libmujoco 2.2.2 the tasks need, bound by hand through function
/// pointers (no DllImport resolver, so a missing library is one clear message, not a
/// DllNotFoundException at the first call). See docs/mujoco.md.
/// </summary>
static unsafe class MuJoCoNative
{
    /// <summary>The Debian 12 package that ships the library.</summary>
    public const string Package = "libmujoco2.2.2";
    public const int ExpectedVersion = 222;

    static readonly string[] Candidates = ["libmujoco.so.2.2.2", "libmujoco.so"];
    static readonly Lazy<Api> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public sealed class Api
    {
        public required delegate* unmanaged<int> Version;
        public required delegate* unmanaged<byte*, IntPtr, byte*, int, IntPtr> LoadXml;
        public required delegate* unmanaged<IntPtr, IntPtr> MakeData;
        public required delegate* unmanaged<IntPtr, IntPtr, void> ResetData;
        public required delegate* unmanaged<IntPtr, IntPtr, void> Step;
        public required delegate* unmanaged<IntPtr, IntPtr, void> Forward;
        public required delegate* unmanaged<IntPtr, IntPtr, void> RnePostConstraint;
        public required delegate* unmanaged<IntPtr, void> DeleteModel;
        public required delegate* unmanaged<IntPtr, void> DeleteData;
    }

    /// <summary>The bound functions; throws <see cref="MuJoCoUnavailableException"/> saying what to install.</summary>
    public static Api Functions => Loaded.Value;

    /// <summary>True when the library loads and is version 2.2.2; otherwise <paramref name="reason"/> says why and what to install.</summary>
    public static bool IsAvailable(out string reason)
    {
        try { _ = Loaded.Value; reason = ""; return true; }
        catch (MuJoCoUnavailableException e) { reason = e.Message; return false; }
    }

    static Api Load()
    {
        IntPtr handle = IntPtr.Zero;
        foreach (var name in Candidates)
            if (NativeLibrary.TryLoad(name, out handle)) break;
        if (handle == IntPtr.Zero)
            throw new MuJoCoUnavailableException(
                $"the MuJoCo library ({string.Join(" or ", Candidates)}) was not found: install it with `apt-get install {Package}` (Debian 12)");
        IntPtr F(string name) => NativeLibrary.TryGetExport(handle, name, out var p) ? p
            : throw new MuJoCoUnavailableException($"the loaded MuJoCo library has no '{name}': install `apt-get install {Package}` (MuJoCo 2.2.2)");
        var api = new Api
        {
            Version = (delegate* unmanaged<int>)F("mj_version"),
            LoadXml = (delegate* unmanaged<byte*, IntPtr, byte*, int, IntPtr>)F("mj_loadXML"),
            MakeData = (delegate* unmanaged<IntPtr, IntPtr>)F("mj_makeData"),
            ResetData = (delegate* unmanaged<IntPtr, IntPtr, void>)F("mj_resetData"),
            Step = (delegate* unmanaged<IntPtr, IntPtr, void>)F("mj_step"),
            Forward = (delegate* unmanaged<IntPtr, IntPtr, void>)F("mj_forward"),
            RnePostConstraint = (delegate* unmanaged<IntPtr, IntPtr, void>)F("mj_rnePostConstraint"),
            DeleteModel = (delegate* unmanaged<IntPtr, void>)F("mj_deleteModel"),
            DeleteData = (delegate* unmanaged<IntPtr, void>)F("mj_deleteData"),
        };
        // The struct offsets in MjLayout are those of the 2.2.2 headers: refuse any other library.
        var version = api.Version();
        if (version != ExpectedVersion)
            throw new MuJoCoUnavailableException(
                $"MuJoCo {version} was loaded but the binding's struct layout is that of {ExpectedVersion}: install `apt-get install {Package}`");
        return api;
    }
}

/// <summary>The MuJoCo library cannot be used; the message says what to install.</summary>
public sealed class MuJoCoUnavailableException(string message) : Exception(message);

/// <summary>MuJoCo refused a model; the message carries MuJoCo's own error text.</summary>
public sealed class MuJoCoModelException(string message) : Exception(message);
