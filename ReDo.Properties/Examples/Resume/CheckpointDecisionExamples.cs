using ReDo.Pure.Runs;
using Xunit;

namespace ReDo.Properties.Examples.Resume;

/// <summary>The pure decisions about checkpoints: names, schedule, retention, verdicts and the choice of the one to load.</summary>
public class CheckpointDecisionExamples
{
    const string Hash = "abc123";

    static CheckpointManifest Manifest(int version = CheckpointManifest.CurrentFormat, string hash = Hash) =>
        new(version, hash, 1_000, 500, 100, 2, "events", 50, [new CheckpointPart("a.bin", 3, "00ff"), new CheckpointPart("b.bin", 2, "11ee")]);

    static CheckpointObservation Seen(CheckpointManifest? m, params (string Name, long Length, string Sha)[] parts) =>
        new("ckpt-000000001000", m, m is null ? "is missing (the write was cut off)" : null, parts.ToDictionary(p => p.Name, p => (p.Length, p.Sha)));

    [Fact]
    public void Names_sort_in_training_order_and_leftovers_are_recognised()
    {
        Assert.Equal("ckpt-000000012345", CheckpointNames.For(12_345));
        Assert.Equal(12_345, CheckpointNames.Frames("ckpt-000000012345"));
        Assert.Null(CheckpointNames.Frames(".tmp-ckpt-000000012345"));
        Assert.Equal(["ckpt-000000010000", "ckpt-000000009000"], CheckpointNames.NewestFirst(["ckpt-000000009000", "junk", ".tmp-ckpt-000000011000", "ckpt-000000010000"]));
        Assert.Equal([".tmp-ckpt-000000011000", ".old-ckpt-000000001000"], CheckpointNames.Leftovers(["ckpt-000000009000", ".tmp-ckpt-000000011000", ".old-ckpt-000000001000"]));
    }

    [Theory]
    [InlineData(0, 1, 250, false)]
    [InlineData(249, 250, 250, true)]
    [InlineData(248, 252, 250, true)]   // replay ratio 4 crosses the boundary inside one frame
    [InlineData(250, 251, 250, false)]
    [InlineData(100, 5000, 0, false)]   // 0 = no periodic checkpoints
    public void Checkpoints_are_due_when_the_updates_cross_a_multiple(long before, long after, long every, bool due) =>
        Assert.Equal(due, CheckpointSchedule.IsDue(before, after, every));

    [Fact]
    public void Retention_keeps_the_newest_k_and_never_the_one_just_written()
    {
        var names = new[] { "ckpt-000000000100", "ckpt-000000000300", "ckpt-000000000200", "ckpt-000000000400", ".tmp-ckpt-000000000500" };
        Assert.Equal(["ckpt-000000000200", "ckpt-000000000100"], CheckpointRetention.ToDelete(names, 2, "ckpt-000000000400"));
        Assert.Empty(CheckpointRetention.ToDelete(names, 10, "ckpt-000000000400"));
        Assert.DoesNotContain("ckpt-000000000100", CheckpointRetention.ToDelete(names, 1, "ckpt-000000000100"));
    }

    [Fact]
    public void An_intact_checkpoint_of_this_config_is_good() =>
        Assert.True(CheckpointVerdict.Judge(Seen(Manifest(), ("a.bin", 3, "00FF"), ("b.bin", 2, "11ee")), Hash).IsGood);

    [Theory]
    [InlineData("a.bin", 3, "00fe", "a.bin fails its SHA-256 check (the bytes changed after writing)")]
    [InlineData("a.bin", 2, "00ff", "a.bin has 2 bytes, the manifest says 3 (truncated or torn)")]
    [InlineData("c.bin", 3, "00ff", "a.bin is missing")]
    public void Damaged_parts_are_named(string name, long length, string sha, string reason)
    {
        var v = CheckpointVerdict.Judge(Seen(Manifest(), (name, length, sha), ("b.bin", 2, "11ee")), Hash);
        Assert.Equal(CheckpointStatus.Corrupt, v.Status);
        Assert.Equal(reason, v.Reason);
    }

    [Fact]
    public void A_missing_manifest_or_another_format_is_corrupt_and_another_config_is_its_own_status()
    {
        Assert.Equal("manifest.json is missing (the write was cut off)", CheckpointVerdict.Judge(Seen(null), Hash).Reason);
        var version = CheckpointVerdict.Judge(Seen(Manifest(version: 99), ("a.bin", 3, "00ff"), ("b.bin", 2, "11ee")), Hash);
        Assert.Equal((CheckpointStatus.Corrupt, "format version 99; this build reads version 1"), (version.Status, version.Reason));
        var other = CheckpointVerdict.Judge(Seen(Manifest(hash: "999"), ("a.bin", 3, "00ff"), ("b.bin", 2, "11ee")), Hash);
        Assert.Equal(CheckpointStatus.OtherConfig, other.Status);
        Assert.Contains("another configuration", other.Reason);
    }

    [Fact]
    public void A_manifest_whose_own_checksum_fails_is_corrupt_before_it_can_pass_as_another_config()
    {
        var parts = new[] { ("a.bin", 3L, "00ff"), ("b.bin", 2L, "11ee") };
        var sealedOther = Manifest(hash: "999") with { Checksum = "c0ffee" };
        var damaged = CheckpointVerdict.Judge(Seen(sealedOther, parts) with { ManifestChecksum = "c0ffef" }, Hash);
        Assert.Equal((CheckpointStatus.Corrupt, "manifest.json fails its own SHA-256 check (it was changed after writing)"), (damaged.Status, damaged.Reason));
        Assert.True(CheckpointVerdict.Judge(Seen(Manifest() with { Checksum = "c0ffee" }, parts) with { ManifestChecksum = "C0FFEE" }, Hash).IsGood);
        Assert.True(CheckpointVerdict.Judge(Seen(Manifest(), parts) with { ManifestChecksum = "anything" }, Hash).IsGood);   // written before manifests had one
    }

    [Fact]
    public void The_newest_good_checkpoint_is_chosen_and_the_skipped_ones_are_reported()
    {
        var bad = new CheckpointVerdict("ckpt-000000000300", CheckpointStatus.Corrupt, "x.bin fails its SHA-256 check");
        var good = new CheckpointVerdict("ckpt-000000000200", CheckpointStatus.Good, "intact");
        var choice = CheckpointChoice.From([bad, good, new CheckpointVerdict("ckpt-000000000100", CheckpointStatus.Good, "intact")]);
        Assert.Equal("ckpt-000000000200", choice.Chosen);
        Assert.Equal([bad], choice.Skipped);

        var none = CheckpointChoice.From([bad]);
        Assert.Null(none.Chosen);
        Assert.Contains("ckpt-000000000300: x.bin fails its SHA-256 check", none.Refusal);

        var foreign = CheckpointChoice.From([new CheckpointVerdict("ckpt-000000000300", CheckpointStatus.OtherConfig, "written under another configuration"), good]);
        Assert.Null(foreign.Chosen);
        Assert.Contains("under the config it started with", foreign.Refusal);
    }
}
