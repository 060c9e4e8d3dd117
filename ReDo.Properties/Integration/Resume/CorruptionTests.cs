using ReDo.Pure;
using ReDo.Shell.Checkpoints;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using System.Text.Json.Nodes;
using Xunit;

namespace ReDo.Properties.Integration.Resume;

/// <summary>
/// A damaged newest checkpoint (a flipped byte, a truncated part, another format version, a
/// missing manifest) is named with the reason and the previous one is used; the result is still
/// exact. No usable checkpoint, or one made under another config, stops with a clear error.
/// </summary>
[Collection(ResumeCollection.Name)]
public class CorruptionTests
{
    const string Newest = "ckpt-000000002000", Previous = "ckpt-000000001750";

    [Theory]
    [InlineData("flip", "replay.bin fails its SHA-256 check")]
    [InlineData("truncate", "networks.bin has")]
    [InlineData("version", "format version 2; this build reads version 1")]
    [InlineData("torn", "manifest.json is missing")]
    [InlineData("MetricsBytes", "manifest.json fails its own SHA-256 check")]
    [InlineData("ConfigHash", "manifest.json fails its own SHA-256 check")]
    [InlineData("Frames", "manifest.json fails its own SHA-256 check")]
    public void A_damaged_newest_checkpoint_is_named_and_the_previous_one_is_used(string damage, string reason)
    {
        var (reference, folder) = FinishedRunWithoutResults();
        var newest = Path.Combine(folder, "checkpoints", Newest);
        switch (damage)
        {
            case "flip":
                var replay = Path.Combine(newest, "replay.bin");
                var bytes = File.ReadAllBytes(replay);
                bytes[bytes.Length / 2] ^= 0x10;
                File.WriteAllBytes(replay, bytes);
                break;
            case "truncate":
                using (var s = File.OpenWrite(Path.Combine(newest, "networks.bin"))) s.SetLength(s.Length - 100);
                break;
            case "version":
                var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(newest, RunLayout.Manifest)))!;
                manifest["FormatVersion"] = 2;
                File.WriteAllText(Path.Combine(newest, RunLayout.Manifest), manifest.ToJsonString());
                break;
            case "MetricsBytes" or "ConfigHash" or "Frames":   // one digit of the manifest changed
                var path = Path.Combine(newest, RunLayout.Manifest);
                var text = File.ReadAllText(path);
                var at = text.IndexOf($"\"{damage}\": ", StringComparison.Ordinal) + damage.Length + 4;
                at += text[at] == '"' ? 1 : 0;
                File.WriteAllText(path, text[..at] + (text[at] == '1' ? '2' : '1') + text[(at + 1)..]);
                break;
            case "torn":
                File.Delete(Path.Combine(newest, RunLayout.Manifest));
                Directory.CreateDirectory(Path.Combine(folder, "checkpoints", ".tmp-ckpt-000000002250"));   // a write cut off mid-way
                break;
        }
        var notes = new StringWriter();
        Runner.Resume(folder, TestDisk.Files, notes);

        Assert.Contains($"checkpoint {Newest} is unusable: {reason}", notes.ToString());
        Assert.Contains($"resuming {folder} from checkpoint {Previous}", notes.ToString());
        Assert.False(Directory.Exists(Path.Combine(folder, "checkpoints", ".tmp-ckpt-000000002250")));
        TinyRuns.AssertSameResult(reference, folder);
    }

    [Fact]
    public void A_replacement_cut_off_between_its_two_renames_restores_the_old_copy()
    {
        var (_, folder) = FinishedRunWithoutResults();
        var checkpoints = Path.Combine(folder, "checkpoints");
        Directory.Move(Path.Combine(checkpoints, Newest), Path.Combine(checkpoints, ".old-" + Newest));
        var notes = new StringWriter();
        using (var runner = Runner.OpenResume(folder, ReDo.Shell.Files.DiskRunFiles.Instance, notes.WriteLine))
            Assert.Equal(Newest, runner.LastCheckpoint);
        Assert.False(Directory.Exists(Path.Combine(checkpoints, ".old-" + Newest)));
    }

    [Fact]
    public void With_every_checkpoint_damaged_resume_refuses_and_names_each()
    {
        var (_, folder) = FinishedRunWithoutResults();
        foreach (var checkpoint in Directory.GetDirectories(Path.Combine(folder, "checkpoints")))
            File.Delete(Path.Combine(checkpoint, RunLayout.State));
        var e = Assert.Throws<RunFolderException>(() => Runner.Resume(folder, TestDisk.Files, TextWriter.Null));
        Assert.Contains("no usable checkpoint", e.Message);
        Assert.Contains($"{Newest}: state.json is missing", e.Message);
        Assert.Contains($"{Previous}: state.json is missing", e.Message);
    }

    [Fact]
    public void A_checkpoint_from_another_config_is_refused()
    {
        var (_, folder) = FinishedRunWithoutResults();
        var configPath = Path.Combine(folder, RunLayout.Config);
        File.WriteAllText(configPath, File.ReadAllText(configPath).Replace("\"EvalEpisodes\": 1", "\"EvalEpisodes\": 2"));
        var e = Assert.Throws<RunFolderException>(() => Runner.Resume(folder, TestDisk.Files, TextWriter.Null));
        Assert.Contains("another configuration", e.Message);
        Assert.Contains(Newest, e.Message);
    }

    [Fact]
    public void Parts_that_pass_their_checksums_but_do_not_fit_the_networks_are_refused_by_name()
    {
        var (_, folder) = FinishedRunWithoutResults();
        // networks.bin of a run twice as wide, planted with a matching manifest (as a hand copy that fixes the hashes would be)
        var wide = TinyRuns.NewFolder("wide");
        var config = TinyRuns.Config();
        using (Runner.OpenNew(config with { Agent = config.Dqn with { WidthMultiplier = 2 } }, wide, TestDisk.Files)) { }
        var planted = File.ReadAllBytes(Path.Combine(wide, "checkpoints", "ckpt-000000000000", "networks.bin"));
        var newest = Path.Combine(folder, "checkpoints", Newest);
        File.WriteAllBytes(Path.Combine(newest, "networks.bin"), planted);
        var manifestPath = Path.Combine(newest, RunLayout.Manifest);
        var manifest = System.Text.Json.JsonSerializer.Deserialize<ReDo.Pure.Runs.CheckpointManifest>(File.ReadAllBytes(manifestPath), CheckpointJson.Options)!;
        manifest = CheckpointStore.Seal(manifest with { Parts = [.. manifest.Parts.Select(p => p.Name == "networks.bin" ? p with { Length = planted.Length, Sha256 = Sha256Text.Of(planted) } : p)] });
        File.WriteAllBytes(manifestPath, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(manifest, CheckpointJson.Options));

        var e = Assert.Throws<RunFolderException>(() => Runner.Resume(folder, TestDisk.Files, TextWriter.Null));
        Assert.Contains($"checkpoint {Newest} of '{folder}' passes its checksums but does not fit this run", e.Message);
        Assert.Contains("resume from the checkpoint before it", e.Message);
    }

    [Fact]
    public void A_run_with_metrics_but_no_checkpoints_is_refused_not_emptied()
    {
        var (_, folder) = FinishedRunWithoutResults();
        var metrics = File.ReadAllBytes(Path.Combine(folder, RunLayout.Metrics));
        Directory.Delete(Path.Combine(folder, "checkpoints"), recursive: true);
        var e = Assert.Throws<RunFolderException>(() => Runner.Resume(folder, TestDisk.Files, TextWriter.Null));
        Assert.Contains("rows of metrics.csv but no checkpoint (checkpoints/ was deleted or lost)", e.Message);
        Assert.Equal(metrics, File.ReadAllBytes(Path.Combine(folder, RunLayout.Metrics)));   // nothing emptied
    }

    /// <summary>A copy of the reference run without its end products, so a resume must recreate them.</summary>
    static (string Reference, string Folder) FinishedRunWithoutResults()
    {
        var reference = TinyRuns.Reference(TinyRuns.Config());
        var folder = TinyRuns.NewFolder("corrupt");
        TinyRuns.CopyFolder(reference, folder);
        foreach (var f in new[] { RunLayout.Summary, RunLayout.Weights }) File.Delete(Path.Combine(folder, f));
        Assert.Equal([Previous, Newest], Directory.GetDirectories(Path.Combine(folder, "checkpoints")).Select(Path.GetFileName).Order().TakeLast(2));
        return (reference, folder);
    }
}
