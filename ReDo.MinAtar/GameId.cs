namespace ReDo.MinAtar;

/// <summary>The five MinAtar games.</summary>
public enum GameId
{
    Asterix,
    Breakout,
    Freeway,
    Seaquest,
    SpaceInvaders,
}
