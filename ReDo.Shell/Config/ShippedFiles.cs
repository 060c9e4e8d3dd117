using ReDo.Shell.Files;

namespace ReDo.Shell.Config;

/// <summary>
/// The files <c>redo</c> ships beside its executable: the run configs (configs/), the experiment
/// definitions and anchor tables (configs/experiments/) and the published curves
/// (ReDo.Golden/data/published/). A relative path is read from the current folder when it is there
/// (a checkout of the repository, or the user's own copy wins), else from the install folder, so the
/// installed tool works from any folder. Only reading goes through here: what a run writes goes
/// where the user says.
/// </summary>
public sealed class ShippedFiles(IRunFiles files, string installFolder)
{
    public const string ConfigFolder = "configs";

    /// <summary>The files next to the running executable (the tool's install folder, or bin/ in a checkout).</summary>
    public static ShippedFiles Installed(IRunFiles files) => new(files, AppContext.BaseDirectory);

    /// <summary><paramref name="path"/> itself when it exists (or is absolute), else its copy in the install folder when that exists, else <paramref name="path"/> unchanged (so a message names what the user wrote).</summary>
    public string File(string path) => Resolve(path, files.Exists);

    /// <summary>The same for a folder.</summary>
    public string Folder(string path) => Resolve(path, files.DirectoryExists);

    /// <summary>
    /// A run config: a path as <see cref="File"/> finds it, or a bare name such as
    /// <c>minatar-breakout-dqn-redo</c> for <c>configs/&lt;name&gt;.json</c>.
    /// </summary>
    public string Config(string nameOrPath)
    {
        var path = File(nameOrPath);
        if (files.Exists(path) || !IsBareName(nameOrPath)) return path;
        var shipped = File(Path.Combine(ConfigFolder, nameOrPath + ".json"));
        return files.Exists(shipped) ? shipped : path;
    }

    /// <summary>
    /// The config names <see cref="Config"/> accepts without a path, sorted: those of the current folder's
    /// configs/ and of the installed one (a name in both is the current folder's, as <see cref="Config"/> reads it).
    /// </summary>
    public IReadOnlyList<string> ConfigNames() =>
        [.. files.Files(ConfigFolder, "*.json").Concat(files.Files(Path.Combine(installFolder, ConfigFolder), "*.json"))
                 .Select(Path.GetFileNameWithoutExtension).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    string Resolve(string path, Func<string, bool> exists)
    {
        if (Path.IsPathRooted(path) || exists(path)) return path;
        var installed = Path.Combine(installFolder, path);
        return exists(installed) ? installed : path;
    }

    static bool IsBareName(string text) =>
        text.Length > 0 && text.IndexOfAny(['/', '\\']) < 0 && !text.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
