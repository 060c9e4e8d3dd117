using ReDo.Pure.Config;
using ReDo.Shell.Config;
using Xunit;

namespace ReDo.Properties.Examples.Config;

/// <summary>The "did you mean" decision for unknown configuration keys on fixed words and the real keys of the typed config.</summary>
public class KeySuggestionExamples
{
    [Theory]
    [InlineData("Gmae", "Game", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ca", "abc", 3)]   // optimal string alignment: a swapped pair is not edited again (full Damerau would say 2)
    [InlineData("", "Run", 3)]
    [InlineData("REDO:TAU", "Redo:Tau", 0)]
    public void Distance_examples(string a, string b, int distance) => Assert.Equal(distance, KeySuggestion.EditDistance(a, b));

    [Theory]
    [InlineData("Run:Gmae", "unknown key Run:Gmae — did you mean Run:Game?")]
    [InlineData("Agent:ReplayRato", "unknown key Agent:ReplayRato — did you mean Agent:ReplayRatio?")]
    [InlineData("Rnu:Seed", "unknown key Rnu:Seed — did you mean Run:Seed?")]
    [InlineData("Redo:Tua", "unknown key Redo:Tua — did you mean Redo:Tau?")]
    [InlineData("Colour:Background", "unknown key Colour:Background")]
    public void The_real_keys_give_these_suggestions(string key, string message) =>
        Assert.Equal(message, Assert.Single(KeySuggestion.Unknown([key, "Run:Game"], ConfigLoader.KnownKeys)).Message);
}
