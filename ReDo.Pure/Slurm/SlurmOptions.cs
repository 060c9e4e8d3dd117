using System.Globalization;
using ReDo.Pure.Collections;
using System.Text.RegularExpressions;

namespace ReDo.Pure.Slurm;

/// <summary>
/// What a cluster user sets for an experiment's array job: where it runs (partition, account), how
/// long a task may run, what one task gets (CPUs, memory), how many tasks run at once (the array's
/// <c>%N</c>), extra <c>#SBATCH</c> lines, and how many seconds before the time limit Slurm warns a
/// task (it then checkpoints and requeues itself).
/// </summary>
public sealed record SlurmOptions(
    string? Partition = null,
    string? Account = null,
    string Time = "24:00:00",
    int CpusPerTask = 1,
    string? Memory = null,
    int? MaxRunning = null,
    ValueList<string>? Extra = null,
    int WarnSeconds = 120)
{
    public IReadOnlyList<string> ExtraLines => Extra ?? ValueList<string>.Empty;

    /// <summary>Slurm's time formats: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS.</summary>
    static readonly Regex TimeFormat = new(@"^(\d+|\d+:\d{1,2}|\d+:\d{1,2}:\d{1,2}|\d+-\d{1,2}|\d+-\d{1,2}:\d{1,2}|\d+-\d{1,2}:\d{1,2}:\d{1,2})$");
    static readonly Regex MemoryFormat = new(@"^\d+[KMGT]?$");
    static readonly Regex NameFormat = new(@"^[A-Za-z0-9_.,\-]+$");

    /// <summary>The seconds of <see cref="Time"/> (null when it is not one of Slurm's formats).</summary>
    public static long? Seconds(string time)
    {
        if (!TimeFormat.IsMatch(time)) return null;
        long days = 0;
        var rest = time;
        var dash = time.IndexOf('-');
        if (dash >= 0) { days = long.Parse(time[..dash], CultureInfo.InvariantCulture); rest = time[(dash + 1)..]; }
        var parts = rest.Split(':').Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        long seconds = dash >= 0
            ? parts.Length switch { 1 => parts[0] * 3600, 2 => parts[0] * 3600 + parts[1] * 60, _ => parts[0] * 3600 + parts[1] * 60 + parts[2] }
            : parts.Length switch { 1 => parts[0] * 60, 2 => parts[0] * 60 + parts[1], _ => parts[0] * 3600 + parts[1] * 60 + parts[2] };
        return days * 86_400 + seconds;
    }

    /// <summary>Every problem, each with its fix; empty when the options make a valid script.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Partition is not null && !NameFormat.IsMatch(Partition)) problems.Add($"--partition '{Partition}' is not a partition name (letters, digits, _ . , -)");
        if (Account is not null && !NameFormat.IsMatch(Account)) problems.Add($"--account '{Account}' is not an account name (letters, digits, _ . , -)");
        var seconds = Seconds(Time);
        if (seconds is null) problems.Add($"--time '{Time}' is not a Slurm time limit; write minutes, HH:MM:SS or D-HH:MM:SS (e.g. 24:00:00)");
        else if (seconds <= WarnSeconds) problems.Add($"--time {Time} leaves no running time before the {WarnSeconds} s warning; give more than {WarnSeconds} s");
        if (CpusPerTask < 1) problems.Add($"--cpus-per-task {CpusPerTask}: a task needs at least one CPU");
        if (Memory is not null && !MemoryFormat.IsMatch(Memory)) problems.Add($"--mem '{Memory}' is not a memory size; write e.g. 4G or 4000M");
        if (MaxRunning is < 1) problems.Add($"--max-running {MaxRunning}: at least one task at a time");
        if (WarnSeconds is < 1 or > 65_535) problems.Add($"--warn-seconds {WarnSeconds}: Slurm's signal warning is 1–65535 s");
        foreach (var line in ExtraLines)
            if (line.Contains('\n') || line.Contains('\r') || !SbatchLine(line).StartsWith("#SBATCH -", StringComparison.Ordinal))
                problems.Add($"--sbatch '{line}' is not one sbatch option; write e.g. --sbatch \"--qos=long\" or --sbatch \"#SBATCH --gres=gpu:1\"");
        return problems;
    }

    /// <summary>An extra line as it appears in the script: "--qos=long" becomes "#SBATCH --qos=long".</summary>
    public static string SbatchLine(string extra)
    {
        var line = extra.Trim();
        return line.StartsWith("#SBATCH", StringComparison.Ordinal) ? line : "#SBATCH " + line;
    }
}
