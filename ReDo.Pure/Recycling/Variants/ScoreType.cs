using System.ComponentModel;
using System.Text.Json.Serialization;
using ReDo.Pure.Config;

namespace ReDo.Pure.Recycling.Variants;

/// <summary>
/// Redo:ScoreType: how the scheduled variant ranks neurons (paper Fig. 15 and Fig. 25): by ReDo's
/// score (Eq. 1, the least active first), at random (a seeded permutation of the scores), inverted
/// (−score: the most active first), or by the Continual-Backprop utility (<see cref="CbpUtility"/>,
/// the least useful first). Written with the reference's spellings.
/// </summary>
[TypeConverter(typeof(ConfigNameConverter<ScoreType>))]
public enum ScoreType
{
    [JsonStringEnumMemberName("redo")] Redo,
    [JsonStringEnumMemberName("random")] Random,
    [JsonStringEnumMemberName("redo_inverted")] RedoInverted,
    [JsonStringEnumMemberName("cbp")] Cbp,
}
