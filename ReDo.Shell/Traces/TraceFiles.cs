using ReDo.Pure;
using ReDo.Shell.Files;

namespace ReDo.Shell.Traces;

/// <summary>Turns the arguments of <c>verify</c> (files and folders) into the list of trace files, in order.</summary>
public static class TraceFiles
{
    public static IReadOnlyList<string> Expand(IRunFiles disk, IReadOnlyList<string> paths, string usage)
    {
        if (paths.Count == 0) throw new DataFileException($"name trace files or folders. Usage: {usage}");
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (disk.DirectoryExists(path))
            {
                var found = disk.Files(path, "*.trace").Select(name => Path.Combine(path, name)).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0) throw new DataFileException($"folder '{path}' holds no *.trace files; name a folder with golden traces.");
                files.AddRange(found);
            }
            else if (disk.Exists(path)) files.Add(path);
            else throw new DataFileException($"'{path}' is neither a file nor a folder; check the path.");
        }
        return files;
    }
}
