using System.Runtime.InteropServices;

namespace ReDo.Shell.Benchmarks;

/// <summary>
/// Minor page faults of the calling thread (Linux <c>getrusage(RUSAGE_THREAD)</c>): a count, so unlike a
/// time it does not move with the machine's load. Each fault maps and zeroes a fresh page; on this VM a
/// recycle that allocates tens of MB pays for it in CPU time, which is what the recycle benchmarks
/// need to tell apart from the arithmetic. Zero where unavailable.
/// </summary>
public static partial class PageFaults
{
    // struct rusage on 64-bit Linux: two timevals (2 × 16 bytes), then 14 longs; ru_minflt is the fifth long.
    [StructLayout(LayoutKind.Sequential)]
    struct Usage
    {
        public long UserSeconds, UserMicros, SystemSeconds, SystemMicros;
        public long MaxRss, SharedText, UnsharedData, UnsharedStack, MinorFaults, MajorFaults,
            Swaps, BlockIn, BlockOut, MessagesSent, MessagesReceived, Signals, VoluntarySwitches, InvoluntarySwitches;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out Usage usage);

    const int Thread = 1;   // RUSAGE_THREAD

    /// <summary>Minor page faults this thread has taken so far.</summary>
    public static long Minor()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        try { return GetRusage(Thread, out var u) == 0 ? u.MinorFaults : 0; }
        catch (DllNotFoundException) { return 0; }
        catch (EntryPointNotFoundException) { return 0; }
    }
}
