namespace ReDo.Properties;

/// <summary>The repository's root (the folder holding ReDo.sln), found above the test binaries: tests read the README, docs, configs and sources from it.</summary>
public static class RepoRoot
{
    public static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReDo.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ReDo.sln not found above the test directory");
    }
}
