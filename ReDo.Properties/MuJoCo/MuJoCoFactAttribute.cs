using ReDo.Shell.MuJoCo;
using Xunit;

namespace ReDo.Properties.MuJoCo;

/// <summary>
/// A fact that needs Debian's libmujoco 2.2.2: reported as skipped, with the reason and the
/// install command, when the library is absent (never silently passed).
/// </summary>
public sealed class MuJoCoFactAttribute : FactAttribute
{
    public MuJoCoFactAttribute()
    {
        if (!MuJoCoNative.IsAvailable(out var reason)) Skip = "MuJoCo tests skipped: " + reason;
    }
}
