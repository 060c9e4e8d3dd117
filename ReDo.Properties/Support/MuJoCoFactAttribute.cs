using ReDo.Shell.MuJoCo;
using Xunit;

namespace ReDo.Properties;

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

/// <summary>A theory that needs Debian's libmujoco 2.2.2 (skipped with the reason when absent, as <see cref="MuJoCoFactAttribute"/>).</summary>
public sealed class MuJoCoTheoryAttribute : TheoryAttribute
{
    public MuJoCoTheoryAttribute()
    {
        if (!MuJoCoNative.IsAvailable(out var reason)) Skip = "MuJoCo tests skipped: " + reason;
    }
}
