using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace ReDo.Properties;

/// <summary>
/// A one-node Slurm 22.05 cluster in a temporary folder of its own: munged with its own key, socket and
/// pid file; slurmctld and slurmd from a generated slurm.conf (munge auth on that socket, linuxproc,
/// task/none, cons_tres, accounting off, this host with 2 CPUs, free ports, its own state and spool).
/// Clients reach it through SLURM_CONF (<see cref="Environment"/>). Disposing cancels its jobs and
/// stops the three daemons by the pids they wrote, after checking each pid's command line names this
/// folder; nothing else is signalled. Needs root (SlurmUser=root) and Debian's slurm-wlm and munge.
/// </summary>
public sealed class SlurmCluster : IDisposable
{
    const string Prefix = "redo-slurm-";
    static readonly string[] Binaries = ["munged", "slurmctld", "slurmd", "sbatch", "squeue", "scontrol", "scancel", "sinfo"];

    public string Root { get; }
    public string Conf => Path.Combine(Root, "slurm.conf");
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["SLURM_CONF"] = Conf };

    SlurmCluster(string root) => Root = root;

    /// <summary>Why the cluster cannot be brought up here (null when it can).</summary>
    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux()) return "Slurm tests skipped: they need Linux";
        if (System.Environment.UserName != "root") return "Slurm tests skipped: not root (the one-node cluster runs slurmctld/slurmd as root, SlurmUser=root)";
        var missing = Binaries.Where(b => Find(b) is null).ToList();
        return missing.Count == 0 ? null
            : $"Slurm tests skipped: {string.Join(", ", missing)} not installed; install Debian's slurm-wlm and munge (apt-get install slurm-wlm munge; .ci/run does it when root)";
    }

    static string? Find(string binary) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/sbin", "/sbin", "/usr/bin"])
            .Select(d => Path.Combine(d, binary)).FirstOrDefault(File.Exists);

    public static SlurmCluster Start()
    {
        SweepOrphans();
        var cluster = new SlurmCluster(Directory.CreateTempSubdirectory(Prefix).FullName);
        File.WriteAllText(Path.Combine(cluster.Root, "owner.pid"), System.Environment.ProcessId.ToString());
        try { cluster.BringUp(); }
        catch { cluster.Dispose(); throw; }
        return cluster;
    }

    void BringUp()
    {
        var munge = Path.Combine(Root, "munge");
        Directory.CreateDirectory(munge, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var key = Path.Combine(munge, "munge.key");
        File.WriteAllBytes(key, System.Security.Cryptography.RandomNumberGenerator.GetBytes(1024));
        File.SetUnixFileMode(key, UnixFileMode.UserRead);
        foreach (var d in new[] { "state", "spool", "log" }) Directory.CreateDirectory(Path.Combine(Root, d));
        MustRun(Find("munged")!, $"--key-file={key}", $"--socket={Socket}", $"--pid-file={Path.Combine(munge, "munged.pid")}",
            $"--log-file={Path.Combine(munge, "munged.log")}", $"--seed-file={Path.Combine(munge, "munged.seed")}", "--force");

        var host = Dns.GetHostName().Split('.')[0];
        var (ctld, slurmd) = (FreePort(), FreePort());
        File.WriteAllText(Conf, $"""
            ClusterName=redotest
            SlurmctldHost={host}
            SlurmctldPort={ctld}
            SlurmdPort={slurmd}
            SlurmUser=root
            SlurmdUser=root
            AuthType=auth/munge
            AuthInfo=socket={Socket}
            CredType=cred/munge
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            SelectType=select/cons_tres
            SelectTypeParameters=CR_Core
            AccountingStorageType=accounting_storage/none
            JobAcctGatherType=jobacct_gather/none
            JobCompType=jobcomp/none
            MpiDefault=none
            ReturnToService=2
            StateSaveLocation={Root}/state
            SlurmdSpoolDir={Root}/spool
            SlurmctldPidFile={Root}/slurmctld.pid
            SlurmdPidFile={Root}/slurmd.pid
            SlurmctldLogFile={Root}/log/slurmctld.log
            SlurmdLogFile={Root}/log/slurmd.log
            NodeName={host} CPUs=2 RealMemory=4096 State=UNKNOWN
            PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP

            """);
        MustRun(Find("slurmctld")!, "-f", Conf);
        MustRun(Find("slurmd")!, "-f", Conf);
        var clock = Stopwatch.StartNew();
        while (Run("sinfo", "-h", "-o", "%t").Out.Trim() != "idle")
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(90))
                throw new InvalidOperationException($"the test cluster's node did not become idle in 90 s: {Run("sinfo").Out}\n{Tail("log/slurmctld.log")}\n{Tail("log/slurmd.log")}");
            Thread.Sleep(500);
        }
    }

    string Socket => Path.Combine(Root, "munge", "munged.sock");

    string Tail(string log) => File.Exists(Path.Combine(Root, log)) ? string.Join('\n', File.ReadLines(Path.Combine(Root, log)).TakeLast(15)) : $"(no {log})";

    static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>A Slurm client command against this cluster.</summary>
    public (int Exit, string Out) Run(string command, params string[] args)
    {
        var info = new ProcessStartInfo(Find(command) ?? command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["SLURM_CONF"] = Conf;
        using var p = Process.Start(info)!;
        var error = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output + error.Result);
    }

    void MustRun(string command, params string[] args)
    {
        var (exit, output) = Run(command, args);
        if (exit != 0) throw new InvalidOperationException($"{command} {string.Join(' ', args)} exited with {exit}: {output}");
    }

    /// <summary>The task's state, reason and restarts as scontrol prints them ("" while Slurm does not know the task).</summary>
    public string Show(string taskId) => Run("scontrol", "show", "job", "-o", taskId).Out;

    public void Dispose()
    {
        if (File.Exists(Conf) && File.Exists(Path.Combine(Root, "slurmctld.pid")))
        {
            Run("scancel", "--user=root");   // this cluster's jobs only: the client reaches it through SLURM_CONF
            var clock = Stopwatch.StartNew();
            while (Run("squeue", "-h").Out.Trim().Length > 0 && clock.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(500);
        }
        Stop(Root);
        try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Stops the daemons a cluster folder started, by the pids they wrote, each only if its command line names that folder.</summary>
    static void Stop(string root)
    {
        foreach (var pidFile in new[] { "slurmd.pid", "slurmctld.pid", "munge/munged.pid" })
        {
            var path = Path.Combine(root, pidFile);
            if (!File.Exists(path) || !int.TryParse(File.ReadAllText(path).Trim(), out var pid)) continue;
            if (!Ours(pid, root)) continue;
            Signal(pid, "TERM");
            var clock = Stopwatch.StartNew();
            while (Ours(pid, root) && clock.Elapsed < TimeSpan.FromSeconds(20)) Thread.Sleep(200);
            if (Ours(pid, root)) Signal(pid, "KILL");
        }
    }

    /// <summary>Whether pid runs a daemon of this folder (its command line holds the folder's path): a recycled pid is never signalled.</summary>
    static bool Ours(int pid, string root)
    {
        try { return Encoding.UTF8.GetString(File.ReadAllBytes($"/proc/{pid}/cmdline")).Replace('\0', ' ').Contains(root); }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    static void Signal(int pid, string signal) => Process.Start("kill", [$"-{signal}", pid.ToString()])!.WaitForExit();

    /// <summary>A killed test process never disposes its cluster: the next one stops the daemons of folders whose owner is gone.</summary>
    static void SweepOrphans()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var owner = Path.Combine(folder, "owner.pid");
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out var pid) && Alive(pid)) continue;
            Stop(folder);
            try { Directory.Delete(folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    static bool Alive(int pid)
    {
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }
}

/// <summary>The cluster, brought up once for the tests of <see cref="SlurmCollection"/> (only when one of them runs) and stopped after them.</summary>
public sealed class SlurmClusterFixture : IDisposable
{
    readonly Lazy<SlurmCluster> _cluster = new(SlurmCluster.Start);
    public SlurmCluster Cluster => _cluster.Value;
    public void Dispose() { if (_cluster.IsValueCreated) _cluster.Value.Dispose(); }
}

[CollectionDefinition(Name)]
public sealed class SlurmCollection : ICollectionFixture<SlurmClusterFixture> { public const string Name = "slurm (one-node cluster)"; }

/// <summary>A fact that needs the one-node Slurm (root, slurm-wlm, munge): skipped with the reason otherwise.</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (SlurmCluster.Unavailable() is { } reason) Skip = reason;
    }
}
