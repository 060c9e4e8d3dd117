using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ReDo.Pure.Dormancy;

namespace ReDo.Shell.Checkpoints;

/// <summary>
/// How everything managed in a run folder is written as JSON: the checkpoint manifest, state.json (the
/// runner's and each environment's state) and summary.json. NaN and ±∞ are written by name, so a run
/// that has not measured something yet round-trips.
/// </summary>
public static class CheckpointJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutDerivedDormancy } },
    };

    /// <summary>
    /// A dormancy report is stored as what it is built from (τ, each layer's scores); its counts and
    /// fractions are derived, recomputed when read back, and left out of state.json (as they always were).
    /// </summary>
    static void WithoutDerivedDormancy(JsonTypeInfo info)
    {
        if (info.Type != typeof(DormancyReport) && info.Type != typeof(LayerDormancy)) return;
        foreach (var derived in info.Properties.Where(p => p.Set is null).ToList()) info.Properties.Remove(derived);
    }
}
