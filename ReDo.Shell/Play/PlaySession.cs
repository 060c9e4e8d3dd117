using System.Collections.Immutable;
using ReDo.MinAtar;

namespace ReDo.Shell.Play;

/// <summary>
/// Runs one <c>play</c> session: seeded protocol, reset after each terminal step, a frame printed after
/// every step, frames kept for the PNG strip. Returns the frames that were shown.
/// </summary>
public sealed class PlaySession(PlaySettings settings, IPlayPolicy policy, TextWriter output, bool colour, bool redraw)
{
    /// <summary>A PNG strip beyond this many frames would be unwieldy; later frames are not kept.</summary>
    public const int MaxPngFrames = 256;

    public IReadOnlyList<ObservationPlanes> Run()
    {
        var game = settings.Game;
        var glyphs = Glyphs.Of(game.Id);
        var env = MinAtarEnvironment.Create(game.Id, settings.Seed, settings.Options);
        var frames = new List<ObservationPlanes>();
        var planes = new ObservationPlanes();
        int episode = 1, episodeReturn = 0, total = 0;
        output.WriteLine($"{game.Name}, seed {settings.Seed}: {TerminalFrame.Legend(game, glyphs)}");
        Show(env, ref planes, frames, glyphs, "reset", episode, episodeReturn);
        for (var step = 1; step <= settings.Steps; step++)
        {
            if (policy.Next() is not { } action) break;
            var result = env.Act(action);
            episodeReturn += result.Reward;
            total += result.Reward;
            var status = $"step {step}, action {action}, reward {result.Reward}{(result.Terminal ? ", TERMINAL" : "")}";
            Show(env, ref planes, frames, glyphs, status, episode, episodeReturn);
            if (result.Terminal)
            {
                env.Reset();
                episode++;
                episodeReturn = 0;
            }
            if (settings.DelayMs > 0) Thread.Sleep(settings.DelayMs);
        }
        output.WriteLine($"{episode} episode(s) begun, total reward {total}.");
        return frames;
    }

    void Show(MinAtarEnvironment env, ref ObservationPlanes planes, List<ObservationPlanes> frames,
        ImmutableArray<Glyph> glyphs, string status, int episode, int episodeReturn)
    {
        env.Render(ref planes);
        if (frames.Count < MaxPngFrames) frames.Add(planes);
        if (redraw) output.Write("\u001b[H\u001b[2J"); // a terminal shows the game in place
        output.WriteLine($"episode {episode}, return {episodeReturn}: {status}");
        output.WriteLine(TerminalFrame.Draw(glyphs, planes, colour));
    }
}
