using ReDo.MinAtar;
using ReDo.Pure.Games;

namespace ReDo.Properties;

/// <summary>Test helpers: generated inputs turned into games and action sequences, and recorded runs.</summary>
static class Play
{
    public static GameId Game(byte index) => (GameId)(index % GameInfo.All.Length);

    public static GameAction[] Actions(byte[]? raw) => (raw ?? []).Select(b => (GameAction)(b % 6)).ToArray();

    /// <summary>Steps through the actions (reset after terminal steps); records reward, terminal and packed frame per step.</summary>
    public static List<string> Record(MinAtarEnvironment env, IEnumerable<GameAction> actions)
    {
        var frame = new byte[ObservationLayout.ByteCount(env.Channels)];
        var log = new List<string>();
        foreach (var a in actions)
        {
            var r = env.Act(a);
            env.WritePackedState(frame);
            log.Add($"{r.Reward} {r.Terminal} {Convert.ToHexString(frame)}");
            if (r.Terminal) env.Reset();
        }
        return log;
    }

    /// <summary>A long random-policy action sequence that reaches deep into games (ramps, many objects).</summary>
    public static IEnumerable<GameAction> Random(uint seed, int count)
    {
        var r = new global::ReDo.NumPyRandom.RandomState(seed);
        for (var i = 0; i < count; i++) yield return (GameAction)r.RandInt(6);
    }
}
