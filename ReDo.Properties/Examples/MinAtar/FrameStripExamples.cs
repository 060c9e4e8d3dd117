using ReDo.MinAtar;
using ReDo.Pure.Games;
using Xunit;
using ReDo.Shell.Play;

namespace ReDo.Properties.Examples.MinAtar;

/// <summary><c>minatar play --png</c>: the strip is a PNG of the promised size whose cells show each frame's glyph colours.</summary>
public class FrameStripExamples
{
    [Fact]
    public void A_strip_of_frames_is_a_png_with_each_cell_in_its_glyph_colour()
    {
        var env = MinAtarEnvironment.Create(GameId.Breakout, 0);
        var glyphs = Glyphs.Of(GameId.Breakout);
        var frames = new List<ObservationPlanes>();
        for (int i = 0; i < 18; i++)   // wraps onto a second row after 16
        {
            var planes = new ObservationPlanes();
            env.Render(ref planes);
            frames.Add(planes);
            if (env.Act(0).Terminal) env.Reset();
        }
        var path = Path.Combine(Path.GetTempPath(), $"redo-strip-{Guid.NewGuid():N}.png");
        try
        {
            FrameStrip.Save(path, glyphs, frames, TestDisk.Files);
            var (width, height, rgb) = PngDecoder.Decode(File.ReadAllBytes(path));
            Assert.Equal(FrameStrip.Size(frames.Count), (width, height));
            var side = 10 * FrameStrip.CellPixels;
            for (int f = 0; f < frames.Count; f++)
                for (int y = 0; y < 10; y++)
                    for (int x = 0; x < 10; x++)
                    {
                        int px = FrameStrip.Gap + f % FrameStrip.PerRow * (side + FrameStrip.Gap) + x * FrameStrip.CellPixels + FrameStrip.CellPixels / 2;
                        int py = FrameStrip.Gap + f / FrameStrip.PerRow * (side + FrameStrip.Gap) + y * FrameStrip.CellPixels + FrameStrip.CellPixels / 2;
                        var expected = Glyphs.At(glyphs, frames[f], x, y) is { } g ? new byte[] { g.R, g.G, g.B } : [16, 16, 24];
                        Assert.Equal(expected, rgb[((py * width + px) * 3)..((py * width + px) * 3 + 3)]);
                    }
        }
        finally { File.Delete(path); }
    }
}
