using ReDo.Properties.Generators;
using System.Text.Json;
using FsCheck.Xunit;
using ReDo.MinAtar;

namespace ReDo.Properties.Laws.MinAtar;

public class EnvironmentLaws
{
    [Law]
    public bool Stepping_is_deterministic(byte game, uint seed, byte[] actions)
    {
        var a = Play.Record(MinAtarEnvironment.Create(Play.Game(game), seed), Play.Actions(actions));
        var b = Play.Record(MinAtarEnvironment.Create(Play.Game(game), seed), Play.Actions(actions));
        return a.SequenceEqual(b);
    }

    [Law]
    public bool Restoring_a_snapshot_replays_identically(byte game, uint seed, ushort prefix, byte[] suffix, bool ramping)
    {
        var options = new EnvironmentOptions(0.25, ramping);
        var env = MinAtarEnvironment.Create(Play.Game(game), seed, options);
        Play.Record(env, Play.Random(seed, prefix % 700));
        var snapshot = env.Capture();
        var original = Play.Record(env, Play.Actions(suffix));

        // Into the same (since advanced) instance, and into a fresh one rebuilt from the snapshot.
        env.Restore(snapshot);
        var again = Play.Record(env, Play.Actions(suffix));
        var rebuilt = Play.Record(MinAtarEnvironment.FromSnapshot(snapshot), Play.Actions(suffix));
        return original.SequenceEqual(again) && original.SequenceEqual(rebuilt);
    }

    [Law(Runs = 30)]
    public bool Snapshots_survive_a_json_round_trip(byte game, uint seed, ushort prefix, byte[] suffix)
    {
        var env = MinAtarEnvironment.Create(Play.Game(game), seed);
        Play.Record(env, Play.Random(seed, prefix % 700));
        var snapshot = env.Capture();
        var json = JsonSerializer.Serialize(snapshot);
        var back = JsonSerializer.Deserialize<EnvironmentSnapshot>(json)!;
        var original = Play.Record(env, Play.Actions(suffix));
        return back == snapshot && original.SequenceEqual(Play.Record(MinAtarEnvironment.FromSnapshot(back), Play.Actions(suffix)));
    }

    [Law]
    public bool Minimal_action_sets_map_onto_the_full_set(byte game, uint seed, byte[] raw)
    {
        var id = Play.Game(game);
        var minimal = GameInfo.Of(id).MinimalActions;
        var indices = (raw ?? []).Select(b => b % minimal.Length).ToArray();
        var small = MinAtarEnvironment.Create(id, seed, new EnvironmentOptions(MinimalActionSet: true));
        var full = MinAtarEnvironment.Create(id, seed);
        var frameSmall = new byte[ObservationLayout.ByteCount(small.Channels)];
        var frameFull = new byte[frameSmall.Length];
        foreach (var i in indices)
        {
            var a = small.Act(i);
            var b = full.Act(minimal[i]);
            small.WritePackedState(frameSmall);
            full.WritePackedState(frameFull);
            if (a != b || !frameSmall.AsSpan().SequenceEqual(frameFull) || small.LastAction != full.LastAction) return false;
            if (a.Terminal) { small.Reset(); full.Reset(); }
        }
        return small.ActionCount == minimal.Length;
    }
}
