using System.Runtime.InteropServices;

namespace ReDo.Shell.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>). On a
/// shared, overloaded machine wall-clock medians measure the scheduler; a thread's own CPU time
/// measures the work (cache contention from neighbours still shows). Null where unavailable.
/// </summary>
public static partial class ThreadClock
{
    [StructLayout(LayoutKind.Sequential)]
    struct TimeSpec { public long Seconds; public long Nanoseconds; }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    const int ThreadCpuTime = 3;

    public static bool Available { get; } = OperatingSystem.IsLinux() && Try(out _);

    static bool Try(out double ms)
    {
        try
        {
            if (ClockGetTime(ThreadCpuTime, out var t) == 0) { ms = t.Seconds * 1e3 + t.Nanoseconds / 1e6; return true; }
        }
        catch (DllNotFoundException) { }
        catch (EntryPointNotFoundException) { }
        ms = 0;
        return false;
    }

    /// <summary>Milliseconds of CPU this thread has used; wall-clock milliseconds since start where thread time is unavailable.</summary>
    public static double Milliseconds() => Available && Try(out var ms) ? ms : System.Diagnostics.Stopwatch.GetTimestamp() * 1e3 / System.Diagnostics.Stopwatch.Frequency;
}
