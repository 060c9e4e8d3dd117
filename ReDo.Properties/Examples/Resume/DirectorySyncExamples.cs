using ReDo.Shell.Files;
using Xunit;

namespace ReDo.Properties.Examples.Resume;

/// <summary>
/// A rename or a new file is durable only once its folder is flushed: the real disk flushes the
/// folder after every rename (both folders when it moves between them) and every durable write,
/// and the flush itself (open + fsync of the directory) works on a real folder.
/// </summary>
public class DirectorySyncExamples
{
    [Fact]
    public void Renames_and_durable_writes_flush_the_folders_that_hold_the_names_afterwards()
    {
        var root = Directory.CreateTempSubdirectory("redo-dirsync-").FullName;
        try
        {
            var synced = new List<(string Folder, string[] Entries)>();
            var disk = new DiskRunFiles(folder => synced.Add((folder, Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).ToArray()!)));
            var a = Path.Combine(root, "a");
            var b = Path.Combine(root, "b");
            Directory.CreateDirectory(a);
            Directory.CreateDirectory(b);

            disk.WriteDurable(Path.Combine(a, "x.tmp"), [1, 2, 3]);
            Assert.Equal(a, synced[^1].Folder);
            Assert.Equal(["x.tmp"], synced[^1].Entries);   // flushed with the new name in it
            synced.Clear();

            disk.Rename(Path.Combine(a, "x.tmp"), Path.Combine(a, "x"));
            Assert.Equal([a], synced.Select(s => s.Folder));
            Assert.Equal(["x"], synced[0].Entries);
            synced.Clear();

            disk.Rename(Path.Combine(a, "x"), Path.Combine(b, "x"));              // a move: the new name, then the old one's removal
            Assert.Equal([b, a], synced.Select(s => s.Folder));
            Assert.Equal([["x"], []], synced.Select(s => s.Entries));
            synced.Clear();

            var checkpointTemp = Path.Combine(root, ".tmp-ckpt");
            Directory.CreateDirectory(checkpointTemp);
            disk.Rename(checkpointTemp, Path.Combine(root, "ckpt"));             // a folder renamed: its parent is flushed
            Assert.Equal([root], synced.Select(s => s.Folder));
            Assert.Contains("ckpt", synced[0].Entries);
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public void The_flush_works_on_a_real_folder_and_names_a_missing_one()
    {
        var root = Directory.CreateTempSubdirectory("redo-dirsync-").FullName;
        try
        {
            DirectorySync.Flush(root);
            DiskRunFiles.Instance.WriteDurable(Path.Combine(root, "f"), [7]);
            DiskRunFiles.Instance.Rename(Path.Combine(root, "f"), Path.Combine(root, "g"));
            Assert.Equal([7], File.ReadAllBytes(Path.Combine(root, "g")));
            var missing = Path.Combine(root, "nope");
            var e = Assert.Throws<IOException>(() => DirectorySync.Flush(missing));
            Assert.Contains($"open of directory '{missing}' failed", e.Message);
        }
        finally { Directory.Delete(root, true); }
    }
}
