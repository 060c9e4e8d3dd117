using System.ComponentModel;
using System.Diagnostics;
using ReDo.Pure;
using ReDo.Pure.Slurm;

namespace ReDo.Shell.Slurm;

/// <summary>What a Slurm command printed and how it ended; <see cref="Missing"/> when it is not installed.</summary>
public sealed record SlurmOutput(int Exit, string Out, string Error, bool Missing = false);

/// <summary>
/// The Slurm client commands (sbatch, squeue, scontrol, sacct) as child processes, with this process's
/// environment (SLURM_CONF and the cluster's settings pass through). The decisions on what they print
/// are in ReDo.Pure.Slurm.
/// </summary>
public static class SlurmCommands
{
    public static SlurmOutput Run(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(info)!;
            var error = p.StandardError.ReadToEndAsync();
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return new SlurmOutput(p.ExitCode, output, error.Result);
        }
        catch (Win32Exception) { return new SlurmOutput(127, "", $"{command} not found", Missing: true); }
    }

    /// <summary>sbatch --parsable on the script; the job id. A refusal names sbatch's own message.</summary>
    public static string Submit(string script)
    {
        var r = Run("sbatch", "--parsable", script);
        if (r.Missing) throw new RunFolderException("sbatch is not installed here; submit from a Slurm login node (where sbatch works), or use --dry-run to see the script.");
        if (r.Exit != 0) throw new RunFolderException($"sbatch refused {script}: {r.Error.Trim()} {r.Out.Trim()}".TrimEnd() + "; fix the option it names (--partition, --account, --time …) and submit again.");
        return SlurmRecord.ParseJobId(r.Out) ?? throw new RunFolderException($"sbatch printed no job id for {script}: '{r.Out.Trim()}'.");
    }

    /// <summary>
    /// What Slurm knows of the recorded jobs' tasks: scontrol (works without accounting; forgets a job
    /// MinJobAge after it ended), squeue (active tasks) and sacct (where the cluster keeps accounting).
    /// A job Slurm no longer knows, or a command that is missing or disabled, adds nothing; the note says which.
    /// </summary>
    public static (IReadOnlyDictionary<string, SlurmTaskState> Tasks, string? Note) States(IEnumerable<string> jobIds)
    {
        var ids = jobIds.ToList();
        if (ids.Count == 0) return (new Dictionary<string, SlurmTaskState>(), null);
        var joined = string.Join(',', ids);
        var squeue = Run("squeue", "-h", "-r", "-j", joined, "-o", SlurmStates.SqueueFormat);
        if (squeue.Missing) return (new Dictionary<string, SlurmTaskState>(), "squeue is not installed here: no Slurm states (run status where the cluster's commands work)");
        var scontrol = ids.SelectMany(id => Run("scontrol", "show", "job", "-o", id) is { Exit: 0 } r ? SlurmStates.ParseScontrol(r.Out) : []);
        var sacct = Run("sacct", "-n", "-P", "-X", "-j", joined, "-o", SlurmStates.SacctFields);
        var tasks = SlurmStates.Merge(scontrol.ToList(), squeue.Exit == 0 ? SlurmStates.ParseSqueue(squeue.Out) : [], sacct.Exit == 0 ? SlurmStates.ParseSacct(sacct.Out) : []);
        return (tasks, null);
    }
}
