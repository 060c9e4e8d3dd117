using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Config;
using ReDo.Shell.Config;
using Xunit;

namespace ReDo.Properties.Laws.Config;

/// <summary>Laws of the "did you mean" decision for unknown configuration keys.</summary>
public class KeySuggestionLaws
{
    /// <summary>Short words over a small alphabet (mixed case and the separator), so near misses and exact clashes are common.</summary>
    static readonly Gen<string> Word = Gen.Choose(0, 9).SelectMany(n => Gen.ArrayOf(Gen.Elements('a', 'b', 'c', 'A', 'B', ':'), n)).Select(cs => new string(cs));
    static readonly Gen<string[]> Words = Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Word, n));

    /// <summary>One typo of a real key: a swap of two neighbours, a substitution, a deletion or an insertion, at any position.</summary>
    static readonly Gen<(string Key, string Typo)> Typo =
        Gen.Elements(ConfigLoader.KnownKeys.ToArray()).SelectMany(key =>
            Gen.Choose(0, 3).SelectMany(kind => Gen.Choose(0, key.Length - 1).SelectMany(i => Gen.Elements('x', 'e', 'R', '_').Select(c => (key, kind switch
            {
                0 when i + 1 < key.Length => key[..i] + key[i + 1] + key[i] + key[(i + 2)..],
                0 or 1 => key[..i] + c + key[(i + 1)..],
                2 => key.Remove(i, 1),
                _ => key.Insert(i, c.ToString()),
            })))));

    [Law(Runs = 1000)]
    public Property Distance_is_zero_exactly_for_the_same_word_and_symmetric_and_bounded_by_the_lengths() =>
        Prop.ForAll(Word.ToArbitrary(), Word.ToArbitrary(), (a, b) =>
        {
            int d = KeySuggestion.EditDistance(a, b);
            Assert.Equal(d, KeySuggestion.EditDistance(b, a));
            Assert.Equal(string.Equals(a, b, StringComparison.OrdinalIgnoreCase), d == 0);
            Assert.InRange(d, Math.Abs(a.Length - b.Length), Math.Max(a.Length, b.Length));
            Assert.Equal(0, KeySuggestion.EditDistance(a, a.ToUpperInvariant()));
        });

    [Law(Runs = 1000)]
    public Property The_suggestion_is_a_nearest_known_key_within_the_tolerance_whatever_the_order() =>
        Prop.ForAll(Word.ToArbitrary(), Words.ToArbitrary(), (key, known) =>
        {
            var suggestion = KeySuggestion.Suggest(key, known);
            var nearest = known.Select(k => KeySuggestion.EditDistance(key, k)).DefaultIfEmpty(int.MaxValue).Min();
            if (suggestion is null) Assert.True(nearest > KeySuggestion.Tolerance(key));
            else
            {
                Assert.Contains(suggestion, known);
                Assert.Equal(nearest, KeySuggestion.EditDistance(key, suggestion));
                Assert.True(nearest <= KeySuggestion.Tolerance(key));
            }
            Assert.Equal(suggestion, KeySuggestion.Suggest(key, known.Reverse()));
        });

    [Law(Runs = 1000)]
    public Property A_known_key_in_any_case_is_never_unknown_and_every_other_key_is_named_once() =>
        Prop.ForAll(Words.ToArbitrary(), Words.ToArbitrary(), (known, others) =>
        {
            string[] given = [.. known.Select(k => k.ToLowerInvariant()), .. others, .. others];
            var unknown = KeySuggestion.Unknown(given, known);
            var expected = others.Where(o => !known.Contains(o, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase);
            Assert.Equal(expected, unknown.Select(u => u.Key));
        });

    [Law(Runs = 1000)]
    public Property One_typo_in_a_real_key_is_answered_with_a_key_one_edit_away() =>
        Prop.ForAll(Typo.ToArbitrary(), t =>
        {
            if (ConfigLoader.KnownKeys.Contains(t.Typo, StringComparer.OrdinalIgnoreCase)) return;
            var suggestion = KeySuggestion.Suggest(t.Typo, ConfigLoader.KnownKeys);
            Assert.NotNull(suggestion);
            Assert.Equal(1, KeySuggestion.EditDistance(t.Typo, suggestion));
        });
}
