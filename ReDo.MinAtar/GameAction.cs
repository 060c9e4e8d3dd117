namespace ReDo.MinAtar;

/// <summary>MinAtar's full action set; every game accepts all six (<c>num_actions()</c> = 6).</summary>
public enum GameAction
{
    Noop = 0,
    Left = 1,
    Up = 2,
    Right = 3,
    Down = 4,
    Fire = 5,
}
