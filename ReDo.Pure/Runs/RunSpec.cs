using ReDo.Pure.Collections;
using System.Text.Json;

namespace ReDo.Pure.Runs;

/// <summary>
/// One self-contained job: the config file's JSON itself (not a path, so the spec runs anywhere the
/// `redo` binary does), the --set overrides and the seed. A queue folder, a Slurm array or a
/// Kubernetes indexed Job hands these out one per run; <see cref="Name"/> names the run folder.
/// </summary>
public sealed record RunSpec(string Name, string ConfigSource, JsonElement Config, ValueList<string> Overrides, int Seed)
{
    public const string Extension = ".json";

    /// <summary>The overrides to apply on top of <see cref="Config"/>, the seed last so it always wins.</summary>
    public IReadOnlyList<string> AllOverrides => [.. Overrides, $"Run:Seed={Seed}"];

    /// <summary>A name that is safe as a file and folder name on every system (letters, digits, . _ - = only).</summary>
    public static bool IsSafeName(string name) =>
        name.Length is > 0 and <= 200 && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '=');
}
