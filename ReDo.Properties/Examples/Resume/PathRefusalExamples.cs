using ReDo.Pure.Runs;
using Xunit;

namespace ReDo.Properties.Examples.Resume;

/// <summary>The refusal's fix names the command's own --out / --queue, and a command without them (resume) is told to fix the folder.</summary>
public class PathRefusalExamples
{
    [Fact]
    public void A_read_only_folder_is_written_elsewhere_by_commands_that_can_and_made_writable_by_those_that_cannot()
    {
        var refusal = new PathRefusal(PathProblem.ReadOnly, "/mnt/runs/x/run.lock", null, "Read-only file system : '/mnt/runs/x/run.lock'");
        Assert.Equal("'/mnt/runs/x/run.lock' is on a read-only file system: make it writable (remount it) or write somewhere else (--out); nothing already written was lost.",
            refusal.Message(["--out"]));
        Assert.Equal("'/mnt/runs/x/run.lock' is on a read-only file system: make it writable (remount it), then run the command again; nothing already written was lost.",
            refusal.Message([]));
    }

    [Fact]
    public void Paths_under_proc_and_sys_are_the_kernels_and_a_lookalike_is_not()
    {
        Assert.Equal("/proc", PathRefusal.KernelRootOf("/proc/run"));
        Assert.Equal("/sys", PathRefusal.KernelRootOf("/sys"));
        Assert.Null(PathRefusal.KernelRootOf("/processes/run"));
    }
}
