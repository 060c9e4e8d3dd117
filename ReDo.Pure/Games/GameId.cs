using System.Text.Json.Serialization;

namespace ReDo.Pure.Games;

/// <summary>
/// The five MinAtar games (Young &amp; Tian 2019), named as MinAtar spells them (<see cref="Config.ConfigName"/>:
/// Run:Game, trace files, --game). Checkpoints store the number, so the order is fixed.
/// </summary>
public enum GameId
{
    [JsonStringEnumMemberName("asterix")] Asterix,
    [JsonStringEnumMemberName("breakout")] Breakout,
    [JsonStringEnumMemberName("freeway")] Freeway,
    [JsonStringEnumMemberName("seaquest")] Seaquest,
    [JsonStringEnumMemberName("space_invaders")] SpaceInvaders,
}
