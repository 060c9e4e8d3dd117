using System.Globalization;

namespace ReDo.Pure.Runs;

/// <summary>Seeds written as "3", "1-5", "1,3,7" or "1-3,10"; ascending duplicates removed, order kept.</summary>
public static class SeedRange
{
    /// <summary>The seeds, or the problem in words (null seeds) for the caller to report.</summary>
    public static (IReadOnlyList<int>? Seeds, string? Problem) Parse(string text)
    {
        var seeds = new List<int>();
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var dash = raw.IndexOf('-', 1 < raw.Length ? 1 : 0);
            if (dash > 0)
            {
                if (!TryInt(raw[..dash], out var lo) || !TryInt(raw[(dash + 1)..], out var hi) || hi < lo)
                    return (null, $"'{raw}' is not a range low-high of seeds ≥ 0 with low ≤ high");
                if (hi - lo >= 10_000) return (null, $"'{raw}' names more than 10,000 seeds");
                for (int s = lo; s <= hi; s++) seeds.Add(s);
            }
            else if (TryInt(raw, out var s)) seeds.Add(s);
            else return (null, $"'{raw}' is not a seed (an integer ≥ 0) or a range like 1-5");
        }
        return (seeds.Distinct().ToList(), null);
    }

    static bool TryInt(string s, out int v) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out v);
}
