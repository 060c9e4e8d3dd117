using ReDo.Pure.Collections;

namespace ReDo.Pure.Config;

/// <summary>A configuration key no setting answers to, with the known key it most likely meant (or none).</summary>
public sealed record UnknownKey(string Key, string? Suggestion)
{
    public string Message => Suggestion is null ? $"unknown key {Key}" : $"unknown key {Key} — did you mean {Suggestion}?";
}

/// <summary>
/// Decides which configuration keys are unknown and what to suggest for each ("unknown key
/// Run:Gmae — did you mean Run:Game?"). Keys compare without regard to case, as Microsoft.Extensions.Configuration
/// binds them; the suggestion is the known key at the smallest edit distance, if that distance is at most
/// a third of the key's length (at least 1), ties broken by ordinal order so the answer never depends on list order.
/// </summary>
public static class KeySuggestion
{
    /// <summary>
    /// Optimal-string-alignment distance, ignoring case: insertions, deletions, substitutions and swaps of
    /// two adjacent characters each cost 1 (a swap is the commonest typo: Gmae for Game).
    /// </summary>
    public static int EditDistance(string a, string b)
    {
        a = a.ToUpperInvariant();
        b = b.ToUpperInvariant();
        // Three rolling rows of the dynamic-programming table: the row before last is needed for swaps.
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, before[j - 2] + 1);
                current[j] = d;
            }
            (before, previous, current) = (previous, current, before);
        }
        return previous[b.Length];
    }

    /// <summary>The largest distance still worth suggesting for a key of this length.</summary>
    public static int Tolerance(string key) => Math.Max(1, key.Length / 3);

    /// <summary>The known key closest to <paramref name="key"/>, or null when none is within <see cref="Tolerance"/>.</summary>
    public static string? Suggest(string key, IEnumerable<string> known) =>
        known.Select(k => (Key: k, Distance: EditDistance(key, k)))
             .Where(x => x.Distance <= Tolerance(key))
             .OrderBy(x => x.Distance).ThenBy(x => x.Key, StringComparer.Ordinal)
             .Select(x => x.Key)
             .FirstOrDefault();

    /// <summary>The given keys that are not known (each once, in the order given), each with its suggestion.</summary>
    public static ValueList<UnknownKey> Unknown(IEnumerable<string> given, IReadOnlyCollection<string> known)
    {
        var knownSet = new HashSet<string>(known, StringComparer.OrdinalIgnoreCase);
        return [.. given.Where(k => !knownSet.Contains(k))
                        .Distinct(StringComparer.OrdinalIgnoreCase)
                        .Select(k => new UnknownKey(k, Suggest(k, known)))];
    }
}
