using ReDo.MinAtar;
using ReDo.NumPyRandom;

namespace ReDo.Shell.Play;

/// <summary>Chooses the next action in <c>redo minatar play</c>; null ends the session.</summary>
public interface IPlayPolicy
{
    GameAction? Next();
}

/// <summary>Uniform random actions from its own generator (independent of the environment's stream).</summary>
public sealed class RandomPolicy(uint seed) : IPlayPolicy
{
    readonly RandomState _random = new(seed);

    public GameAction? Next() => (GameAction)_random.RandInt(6);
}

/// <summary>
/// One key, one step: a/← left, d/→ right, w/↑ up, s/↓ down, space/f fire, any other key no-op, q/Esc quit.
/// Reads keys from the console, or characters from redirected input (so a session can be scripted).
/// </summary>
public sealed class HumanPolicy(TextReader? input = null) : IPlayPolicy
{
    public const string Keys = "a/← left, d/→ right, w/↑ up, s/↓ down, space/f fire, other keys no-op, q/Esc quit";

    public GameAction? Next()
    {
        if (input is null && !Console.IsInputRedirected)
        {
            var key = Console.ReadKey(intercept: true);
            return key.Key switch
            {
                ConsoleKey.LeftArrow => GameAction.Left,
                ConsoleKey.RightArrow => GameAction.Right,
                ConsoleKey.UpArrow => GameAction.Up,
                ConsoleKey.DownArrow => GameAction.Down,
                ConsoleKey.Escape => null,
                _ => FromChar(key.KeyChar),
            };
        }
        var reader = input ?? Console.In;
        int c;
        do c = reader.Read(); while (c is '\n' or '\r');
        return c < 0 ? null : FromChar((char)c);
    }

    public static GameAction? FromChar(char c) => char.ToLowerInvariant(c) switch
    {
        'a' => GameAction.Left,
        'd' => GameAction.Right,
        'w' => GameAction.Up,
        's' => GameAction.Down,
        ' ' or 'f' => GameAction.Fire,
        'q' => null,
        _ => GameAction.Noop,
    };
}
