using ReDo.Shell.Files;

namespace ReDo.Properties;

/// <summary>The run files tests use where a command would get them from the host: the real disk behind retries.</summary>
public static class TestDisk
{
    public static readonly IRunFiles Files = ResilientRunFiles.OnDisk();
}
