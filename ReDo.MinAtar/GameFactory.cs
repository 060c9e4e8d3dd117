using ReDo.MinAtar.Games;
using ReDo.Pure.Games;

namespace ReDo.MinAtar;

/// <summary>Creates a game's rules object.</summary>
public static class GameFactory
{
    public static IGame Create(GameId id, bool ramping) => id switch
    {
        GameId.Asterix => new Asterix(ramping),
        GameId.Breakout => new Breakout(),
        GameId.Freeway => new Freeway(),
        GameId.Seaquest => new Seaquest(ramping),
        GameId.SpaceInvaders => new SpaceInvaders(ramping),
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "not a MinAtar game"),
    };
}
