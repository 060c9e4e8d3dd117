using Xunit;
using ReDo.NumPyRandom;

namespace ReDo.Properties.Examples.NumPyRandom;

/// <summary>The test vectors of docs/specs/numpy-randomstate.md §2 and §7 (NumPy 1.24.2, 64-bit Linux).</summary>
public class RandomStateVectorExamples
{
    [Theory]
    [InlineData(0u, 0u, 1u, 1812433255u, 1796872496u)]
    [InlineData(1u, 1u, 1812433254u, 3713160357u, 2069268389u)]
    [InlineData(42u, 42u, 3107752595u, 1895908407u, 26719530u)]
    [InlineData(12345u, 12345u, 2003863422u, 2690739229u, 277493156u)]
    [InlineData(4294967295u, 4294967295u, 1340201581u, 3941791902u, 3413567280u)]
    public void Seeding_produces_the_reference_key(uint seed, uint mt0, uint mt1, uint mt2, uint mt623)
    {
        var state = new RandomState(seed).Capture();
        Assert.Equal(624, state.Position);
        Assert.Equal([mt0, mt1, mt2, mt623], [state.Key[0], state.Key[1], state.Key[2], state.Key[623]]);
    }

    [Theory]
    [InlineData(0u, new[] { 2357136044u, 2546248239u, 3071714933u, 3626093760u, 2588848963u })]
    [InlineData(1u, new[] { 1791095845u, 4282876139u, 3093770124u, 4005303368u, 491263u })]
    [InlineData(42u, new[] { 1608637542u, 3421126067u, 4083286876u, 787846414u, 3143890026u })]
    [InlineData(12345u, new[] { 3992670690u, 3823185381u, 1358822685u, 561383553u, 789925284u })]
    [InlineData(4294967295u, new[] { 419326371u, 479346978u, 3918654476u, 2416749639u, 3388880820u })]
    public void Raw_words_match(uint seed, uint[] expected)
    {
        var r = new RandomState(seed);
        Assert.Equal(expected, expected.Select(_ => r.Next32()).ToArray());
        // randint(0, 2**32) takes the raw-word path and must give the same words.
        var viaRandint = new RandomState(seed);
        Assert.Equal(expected.Select(w => (long)w).ToArray(), expected.Select(_ => viaRandint.RandInt(0L, 1L << 32)).ToArray());
    }

    [Fact]
    public void Words_across_the_twist_boundary_match()
    {
        var r = new RandomState(0);
        var words = Enumerable.Range(1, 1000).Select(_ => r.Next32()).ToArray();
        Assert.Equal([631131020u, 3791854820u, 341544762u, 1076416385u], words[622..626]);
        Assert.Equal(3043451800u, words[999]);
    }

    [Theory]
    [InlineData(0u, new[] { 0.5488135039273248, 0.7151893663724195, 0.6027633760716439, 0.5448831829968969, 0.4236547993389047 },
        new[] { 4943272583565992L, 6441853127788339L, 5429209831737675L, 4907871399810549L, 3815943192872827L })]
    [InlineData(42u, new[] { 0.3745401188473625, 0.9507143064099162, 0.7319939418114051, 0.5986584841970366, 0.15601864044243652 },
        new[] { 3373557479352566L, 8563273192166996L, 6593215287158609L, 5392236252703920L, 1405290981918817L })]
    public void Rand_matches_values_and_exact_numerators(uint seed, double[] expected, long[] numerators)
    {
        var r = new RandomState(seed);
        var values = expected.Select(_ => r.Rand()).ToArray();
        Assert.Equal(expected, values);
        Assert.Equal(numerators, values.Select(v => (long)(v * 9007199254740992.0)).ToArray());
    }

    [Theory]
    [InlineData(0u, new[] { 0.5488135039273248, 0.7151893663724195, 0.6027633760716439, 0.5448831829968969, 0.4236547993389047, 0.6458941130666561, 0.4375872112626925, 0.8917730007820798 })]
    [InlineData(42u, new[] { 0.3745401188473625, 0.9507143064099162, 0.7319939418114051, 0.5986584841970366, 0.15601864044243652, 0.15599452033620265, 0.05808361216819946, 0.8661761457749352 })]
    public void Rand_of_eight_equals_eight_scalar_draws(uint seed, double[] expected)
    {
        var values = new double[8];
        new RandomState(seed).Rand(values);
        Assert.Equal(expected, values);
    }

    [Fact]
    public void Rand_across_the_twist_boundary_matches()
    {
        var r = new RandomState(0);
        var values = Enumerable.Range(1, 313).Select(_ => r.Rand()).ToArray();
        Assert.Equal([0.7705807485027762, 0.14694664540037505, 0.07952208258675575], values[310..313]);
    }

    [Theory]
    [InlineData(0u, 0, 2, new[] { 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0 })]
    [InlineData(0u, 1, 9, new[] { 5, 8, 6, 1, 4, 4, 4, 8, 2, 4, 6, 3, 5, 8, 7, 1 })]
    [InlineData(0u, 0, 6, new[] { 4, 5, 0, 3, 3, 3, 1, 3, 5, 2, 4, 0, 0, 4, 2, 1 })]
    [InlineData(42u, 0, 2, new[] { 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0 })]
    [InlineData(42u, 1, 9, new[] { 7, 4, 5, 7, 3, 8, 5, 5, 7, 2, 3, 7, 3, 3, 8, 5 })]
    [InlineData(42u, 0, 6, new[] { 3, 4, 2, 4, 4, 1, 2, 2, 2, 4, 3, 2, 5, 4, 1, 3 })]
    public void Randint_sequences_match(uint seed, int low, int high, int[] expected)
    {
        var r = new RandomState(seed);
        Assert.Equal(expected, expected.Select(_ => r.RandInt(low, high)).ToArray());
    }

    [Theory]
    [InlineData(0u, new[] { 5, 1, 4, 4, 4, 2, 4, 3 }, new[] { 5, 1, 1, 5, 3, 2, 1, 2 })]
    [InlineData(42u, new[] { 4, 5, 3, 5, 5, 2, 3, 3 }, new[] { 3, 5, 4, 3, 5, 2, 4, 2 })]
    public void Randint_with_size_matches(uint seed, int[] first, int[] second)
    {
        var r = new RandomState(seed);
        var values = new int[8];
        r.RandInt(1, 6, values);
        Assert.Equal(first, values);
        r.RandInt(1, 6, values);
        Assert.Equal(second, values);
    }

    [Fact]
    public void Single_value_range_draws_nothing()
    {
        var r = new RandomState(0);
        Assert.Equal(0, r.RandInt(1));
        Assert.Equal(0.5488135039273248, r.Rand());
    }

    [Fact]
    public void Mixed_minatar_like_sequence_matches()
    {
        var r = new RandomState(12345);
        Assert.Equal(0.9296160928171479, r.Rand());
        Assert.Equal(0.3163755545817859, r.Rand());
        Assert.Equal(5, r.RandInt(1, 9));
        Assert.Equal(1, r.RandInt(3));
        var speeds = new int[8];
        r.RandInt(1, 6, speeds);
        Assert.Equal([3, 2, 2, 4, 2, 4, 1, 3], speeds);
        var doubles = new double[8];
        r.Rand(doubles);
        Assert.Equal([0.9613067360728214, 0.00838829794155349, 0.10644437669771933, 0.29870371376938154,
            0.65641118308227, 0.8098125525409348, 0.872175913724283, 0.9646475973719302], doubles);
        Assert.Equal(1, r.RandInt(2));
        Assert.Equal(0.050487955231035664, r.Rand());
    }

    [Fact]
    public void Consistency_checks_of_section_7_hold()
    {
        Assert.Equal(0, (int)(2357136044u & 1));
        Assert.Equal(5, 1 + (int)(2357136044u & 7));
        var a = 2357136044u >> 5;
        var b = 2546248239u >> 6;
        Assert.Equal(4943272583565992L, ((long)a << 26) + b);
    }

    [Theory]
    [InlineData(0, 0, "low >= high")]
    [InlineData(5, 2, "low >= high")]
    public void Empty_ranges_are_rejected(int low, int high, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomState(0).RandInt(low, high));
        Assert.Contains(message, e.Message);
        Assert.Contains("high <= 0", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomState(0).RandInt(0)).Message);
    }
}
