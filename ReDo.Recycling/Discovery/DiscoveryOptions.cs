using ReDo.Pure.Networks;

namespace ReDo.Recycling.Discovery;

/// <summary>
/// What layer discovery cannot see for itself. <paramref name="Producers"/> maps a consumer layer to the
/// layer whose output it reads (names are <c>named_modules()</c> paths; "input" for the network input):
/// needed only where the forward computes between module calls (scaling, reshape, concatenation), where
/// discovery refuses to guess. <paramref name="Init"/> is how the layers were initialised (TorchSharp's
/// default unless you re-initialised them): recycled weights are redrawn from it.
/// </summary>
public sealed record DiscoveryOptions(
    IReadOnlyDictionary<string, string>? Producers = null,
    string Name = "model",
    Initializer Init = Initializer.TorchDefault)
{
    public static DiscoveryOptions Default { get; } = new();
}
