using System.Diagnostics;
using System.Text;

namespace ReDo.Properties;

/// <summary>The real `redo` executable as a child process (dotnet redo.dll, copied next to the tests), output collected.</summary>
public sealed class RedoProcess : IDisposable
{
    readonly StringBuilder _output = new(), _error = new();

    /// <summary>How long a test waits for a short `redo` command or a tiny run, on a loaded machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    public Process Process { get; }

    RedoProcess(Process process) => Process = process;

    public static RedoProcess Start(params string[] args) => StartIn(null, args);

    /// <summary>The same, with <paramref name="workingDirectory"/> as the current folder (null: the tests').</summary>
    public static RedoProcess StartIn(string? workingDirectory, params string[] args) => Start(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>With these environment variables set (e.g. SLURM_CONF for a test cluster).</summary>
    public static RedoProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args) => Start(null, environment, args);

    static RedoProcess Start(string? workingDirectory, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        foreach (var (k, v) in environment) info.Environment[k] = v;
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "redo.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        var p = new RedoProcess(new Process { StartInfo = info });
        p.Process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (p._output) p._output.AppendLine(e.Data); };
        p.Process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (p._output) { p._output.AppendLine(e.Data); p._error.AppendLine(e.Data); } };
        p.Process.Start();
        p.Process.BeginOutputReadLine();
        p.Process.BeginErrorReadLine();
        return p;
    }

    /// <summary>Standard output and standard error, interleaved as they came.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Standard error alone (where a refusal's one line goes).</summary>
    public string Error { get { lock (_output) return _error.ToString(); } }

    /// <summary>SIGTERM, as a scheduler or `docker stop` sends it.</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", Process.Id.ToString()])!.WaitForExit();

    /// <summary>
    /// Waits until the process handles POSIX signals itself: .NET's System.Native installs its handlers, SIGCONT
    /// among them, when the first PosixSignalRegistration is made, so /proc/&lt;pid&gt;/status shows SIGCONT (18) as
    /// caught from then on. (The runtime catches SIGTERM from its start, to end the process; that says nothing.)
    /// </summary>
    public bool WaitForSignalHandlers(TimeSpan timeout) => WaitUntil(() =>
    {
        try
        {
            var caught = File.ReadLines($"/proc/{Process.Id}/status").FirstOrDefault(l => l.StartsWith("SigCgt:"));
            return caught is not null && (Convert.ToUInt64(caught["SigCgt:".Length..].Trim(), 16) & (1UL << (18 - 1))) != 0;
        }
        catch (IOException) { return false; }
    }, timeout);

    /// <summary>kill -9 of the whole tree: no chance to checkpoint or flush.</summary>
    public void KillHard() => Process.Kill(entireProcessTree: true);

    public int WaitForExit(TimeSpan timeout)
    {
        if (!Process.WaitForExit(timeout)) { KillHard(); throw new TimeoutException($"redo did not exit within {timeout}; output:\n{Output}"); }
        Process.WaitForExit();   // drains the output events
        return Process.ExitCode;
    }

    /// <summary>Waits until <paramref name="condition"/> holds (polling), or the process ends.</summary>
    public bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !Process.HasExited)
        {
            if (condition()) return true;
            Thread.Sleep(20);
        }
        return condition();
    }

    public void Dispose()
    {
        if (!Process.HasExited) KillHard();
        Process.Dispose();
    }
}
