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

/// <summary>
/// A fact that also compiles against MuJoCo's C headers (libmujoco-dev, optional: docs/mujoco.md) with
/// gcc: skipped with the reason and the install command when the library, the headers or gcc is absent.
/// </summary>
public sealed class MuJoCoHeadersFactAttribute : FactAttribute
{
    public const string Header = "/usr/include/mujoco/mujoco.h";

    public MuJoCoHeadersFactAttribute()
    {
        if (!MuJoCoNative.IsAvailable(out var reason)) Skip = "MuJoCo tests skipped: " + reason;
        else if (!File.Exists(Header)) Skip = $"MuJoCo header test skipped: {Header} is missing; `apt-get install libmujoco-dev` to check the binding's struct offsets";
        else if (!OnPath("gcc")) Skip = "MuJoCo header test skipped: gcc is missing; `apt-get install gcc` to check the binding's struct offsets";
    }

    static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
