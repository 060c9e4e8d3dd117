using System.Collections.Immutable;
using ReDo.Pure.Config;
using ReDo.Pure.Games;

namespace ReDo.MinAtar;

/// <summary>Static facts about a game: its channels and its minimal action set; its name is <see cref="GameId"/>'s word.</summary>
public sealed record GameInfo(GameId Id, ImmutableArray<string> ChannelNames, ImmutableArray<GameAction> MinimalActions)
{
    /// <summary>The game's name as MinAtar spells it (e.g. space_invaders).</summary>
    public string Name => ConfigName.Of(Id);

    public int Channels => ChannelNames.Length;

    public static readonly ImmutableArray<GameInfo> All =
    [
        new(GameId.Asterix, ["player", "enemy", "trail", "gold"],
            [GameAction.Noop, GameAction.Left, GameAction.Up, GameAction.Right, GameAction.Down]),
        new(GameId.Breakout, ["paddle", "ball", "trail", "brick"],
            [GameAction.Noop, GameAction.Left, GameAction.Right]),
        new(GameId.Freeway, ["chicken", "car", "speed1", "speed2", "speed3", "speed4", "speed5"],
            [GameAction.Noop, GameAction.Up, GameAction.Down]),
        new(GameId.Seaquest,
            ["sub_front", "sub_back", "friendly_bullet", "trail", "enemy_bullet", "enemy_fish", "enemy_sub", "oxygen_gauge", "diver_gauge", "diver"],
            [GameAction.Noop, GameAction.Left, GameAction.Up, GameAction.Right, GameAction.Down, GameAction.Fire]),
        new(GameId.SpaceInvaders, ["cannon", "alien", "alien_left", "alien_right", "friendly_bullet", "enemy_bullet"],
            [GameAction.Noop, GameAction.Left, GameAction.Right, GameAction.Fire]),
    ];

    /// <summary>All game names, comma-separated, for messages.</summary>
    public static string Names => string.Join(", ", ConfigName.All<GameId>());

    public static GameInfo Of(GameId id) => All[(int)id];

    /// <summary>Looks a game up by MinAtar's name (e.g. <c>space_invaders</c>); null when unknown.</summary>
    public static GameInfo? Find(string name) => All.FirstOrDefault(g => g.Name == name);
}
