using ReDo.Shell.Config;
using Xunit;

namespace ReDo.Properties.Examples.Config;

/// <summary>
/// Where the installed tool reads its shipped files from: the current folder's copy first (a checkout,
/// or the user's own), the install folder's second, and what the user wrote when neither has it.
/// </summary>
public sealed class ShippedFilesExamples : IDisposable
{
    // Relative to the current folder, as a user's own "configs/…" would be; unique so tests cannot meet.
    readonly string _here = $"shipped-files-test-{Guid.NewGuid():N}";
    readonly string _install = Path.Combine(Path.GetTempPath(), $"shipped-install-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_here)) Directory.Delete(_here, recursive: true);
        if (Directory.Exists(_install)) Directory.Delete(_install, recursive: true);
    }

    static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    ShippedFiles Shipped() => new(TestDisk.Files, _install);

    [Fact]
    public void The_current_folders_copy_wins_over_the_installed_one()
    {
        var relative = Path.Combine(_here, "configs", "a.json");
        Write(relative, "mine");
        Write(Path.Combine(_install, relative), "shipped");
        Assert.Equal(relative, Shipped().File(relative));
    }

    [Fact]
    public void Without_a_copy_here_the_installed_one_is_read()
    {
        var relative = Path.Combine(_here, "configs", "a.json");
        Write(Path.Combine(_install, relative), "shipped");
        Assert.Equal("shipped", File.ReadAllText(Shipped().File(relative)));
        Assert.Equal(Path.Combine(_install, _here, "configs"), Shipped().Folder(Path.Combine(_here, "configs")));
    }

    [Fact]
    public void Neither_here_nor_installed_leaves_the_path_as_written()
    {
        var relative = Path.Combine(_here, "nowhere.csv");
        Assert.Equal(relative, Shipped().File(relative));
        Assert.Equal(relative, Shipped().Config(relative));
    }

    [Fact]
    public void A_bare_name_finds_the_shipped_config_and_a_path_is_not_rewritten()
    {
        // Names no folder here has (the tests' own folder holds the real configs/).
        var (name, other) = ($"{_here}-dqn-redo", $"{_here}-dqn");
        Write(Path.Combine(_install, "configs", name + ".json"), "{}");
        Write(Path.Combine(_install, "configs", other + ".json"), "{}");
        var shipped = Shipped();
        Assert.Equal(Path.Combine(_install, "configs", name + ".json"), shipped.Config(name));
        // A file name with .json, or a path, means that file: never another one by a similar name.
        Assert.Equal(name + ".json", shipped.Config(name + ".json"));
        Assert.Equal(Path.Combine("elsewhere", name), shipped.Config(Path.Combine("elsewhere", name)));
        Assert.Equal([other, name], shipped.ConfigNames().Where(n => n.StartsWith(_here)));
    }
}
