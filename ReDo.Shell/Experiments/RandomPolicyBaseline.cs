using ReDo.NumPyRandom;
using ReDo.Pure;
using System.Globalization;
using System.Text;
using ReDo.MinAtar;
using ReDo.Pure.Config;
using ReDo.Pure.Games;
using ReDo.Shell.Files;

namespace ReDo.Shell.Experiments;

/// <summary>One game's random-policy return: mean and standard error over the episodes.</summary>
public sealed record RandomPolicyScore(string Game, int Episodes, double MeanReturn, double StandardError);

/// <summary>
/// The random policy's mean return per game (the 0 of the normalised score, docs/statistics.md):
/// on MinAtar uniform actions over the full 6-action set, in the paper's environment (sticky actions 0.1,
/// difficulty ramping), <c>episodes</c> whole episodes per game from one seeded environment; on the
/// MuJoCo tasks uniform squashed actions (docs/experiments.md).
/// </summary>
public static class RandomPolicyBaseline
{
    public const string Header = "game,episodes,mean_return,standard_error,seed";

    public static RandomPolicyScore Measure(GameId game, int episodes, uint seed)
    {
        var env = MinAtarEnvironment.Create(game, seed, new EnvironmentOptions(0.1, true, false));
        var policy = new RandomState(seed + 1);
        var returns = new double[episodes];
        for (int e = 0; e < episodes; e++)
        {
            env.Reset();
            double total = 0;
            for (int t = 0; t < Agents.GreedyEvaluation.MaxEpisodeSteps; t++)
            {
                var result = env.Act(policy.RandInt(env.ActionCount));
                total += result.Reward;
                if (result.Terminal) break;
            }
            returns[e] = total;
        }
        return Summarize(GameInfo.Of(game).Name, returns);
    }

    /// <summary>
    /// A MuJoCo task's random-policy return: actions uniform in [−1, 1]^|A| (the squashed action space,
    /// as SAC's 10,000 initial steps), drawn from RandomState(seed + 1); <paramref name="episodes"/> whole
    /// episodes (termination or the 1,000-step limit) of one task instance seeded <paramref name="seed"/>.
    /// </summary>
    public static RandomPolicyScore Measure(Pure.Control.ControlTask task, int episodes, uint seed)
    {
        using var env = new MuJoCo.ControlEnvironment(task, seed);
        var policy = new RandomState(seed + 1);
        var returns = Agents.Sac.SacEpisodes.Returns(env, episodes, _ => [.. Enumerable.Range(0, env.ActionSize).Select(_ => 2 * policy.Rand() - 1)]);
        return Summarize(ConfigName.Of(task.Id), returns);
    }

    static RandomPolicyScore Summarize(string game, double[] returns)
    {
        int n = returns.Length;
        double mean = returns.Average();
        double sd = n > 1 ? Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (n - 1)) : 0;
        return new RandomPolicyScore(game, n, mean, sd / Math.Sqrt(n));
    }

    public static string ToCsv(IEnumerable<RandomPolicyScore> scores, uint seed)
    {
        var b = new StringBuilder(Header + "\n");
        foreach (var s in scores)
            b.Append(string.Create(CultureInfo.InvariantCulture, $"{s.Game},{s.Episodes},{s.MeanReturn:R},{s.StandardError:R},{seed}\n"));
        return b.ToString();
    }

    /// <summary>Reads the shipped table; every problem names the line.</summary>
    public static IReadOnlyDictionary<string, double> ReadMeans(IRunFiles files, string path)
    {
        if (!files.Exists(path)) throw new DataFileException($"random-policy table '{path}' does not exist; measure it with: redo experiment random-policy --out {path}");
        var lines = files.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header) throw new DataFileException($"{path}: the first line must be '{Header}'");
        var means = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var f = lines[i].Split(',');
            if (f.Length != 5 || !double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var m))
                throw new DataFileException($"{path}, line {i + 1}: expected game,episodes,mean_return,standard_error,seed");
            means[f[0]] = m;
        }
        return means;
    }
}
