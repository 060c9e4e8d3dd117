using System.Runtime.InteropServices;

namespace ReDo.Shell.Runs;

/// <summary>
/// SIGTERM, SIGINT and SIGQUIT from the process's first statement on: building the host takes a second
/// or more, and a signal in that time used to end the process before any handler was there (exit 143)
/// or stop the host before its job began (exit 1, silently). Until the command says what a stop means
/// for it, a signal is held here: a long run (<see cref="Cli.ICliCommand.StopsWithCheckpoint"/>) that has
/// not begun does not begin (<see cref="RunService"/>); any other command ends on it as usual
/// (<see cref="Release"/>). A run that has begun is stopped with a checkpoint by the host's own handlers.
/// </summary>
public static class StopSignals
{
    static readonly object Gate = new();
    static readonly PosixSignal[] Stops = [PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT];
    static PosixSignalRegistration[] _registrations = [];
    static PosixSignal? _received;
    static bool _holding;

    /// <summary>Program.cs calls this before anything else.</summary>
    public static void Install()
    {
        lock (Gate) _holding = true;
        _registrations = [.. Stops.Select(s => PosixSignalRegistration.Create(s, Hold))];
    }

    static void Hold(PosixSignalContext context)
    {
        lock (Gate)
        {
            _received ??= context.Signal;
            if (_holding) context.Cancel = true;   // otherwise the usual course: the host's handlers, or the end of the process
        }
    }

    /// <summary>The first stop signal received so far, if any.</summary>
    public static PosixSignal? Received { get { lock (Gate) return _received; } }

    /// <summary>From now on signals take their usual course; returns the one held so far, if any.</summary>
    public static PosixSignal? Release()
    {
        lock (Gate)
        {
            _holding = false;
            return _received;
        }
    }

    /// <summary>The exit code a shell reports for a process this signal ended: 128 + its number (130 Ctrl+C, 131 SIGQUIT, 143 SIGTERM).</summary>
    public static int ExitCodeOf(PosixSignal signal) => 128 + signal switch
    {
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        _ => 15,
    };
}
