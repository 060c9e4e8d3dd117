using ReDo.Properties.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReDo.Shell.Rendering;
using Xunit;

namespace ReDo.Properties.Examples.Metrics;

/// <summary>PNG encoding decodes back to the same pixels; the canvas primitives put pixels where they should.</summary>
public class RenderingTests
{
    [Law(Runs = 50)]
    public Property Png_decodes_to_the_pixels_that_were_encoded() =>
        Prop.ForAll((from w in Gen.Choose(1, 40) from h in Gen.Choose(1, 40) from seed in Gen.Choose(0, int.MaxValue) select (w, h, seed)).ToArbitrary(), c =>
        {
            var rgb = new byte[c.w * c.h * 3];
            new Random(c.seed).NextBytes(rgb);
            var (width, height, decoded) = PngDecoder.Decode(PngWriter.EncodeRgb(c.w, c.h, rgb));
            Assert.Equal((c.w, c.h), (width, height));
            Assert.Equal(rgb, decoded);
        });

    [Fact]
    public void WriteRgb_writes_the_encoded_bytes_and_wrong_sizes_are_rejected()
    {
        var path = Path.Combine(Path.GetTempPath(), $"redo-png-{Guid.NewGuid():N}.png");
        try
        {
            var canvas = new RgbCanvas(3, 2);
            canvas.SetPixel(1, 1, new Rgb(1, 2, 3));
            PngWriter.WriteRgb(path, canvas.Width, canvas.Height, canvas.Rgb);
            Assert.Equal(PngWriter.EncodeRgb(3, 2, canvas.Rgb), File.ReadAllBytes(path));
            Assert.Equal([1, 2, 3], PngDecoder.Decode(File.ReadAllBytes(path)).Rgb[12..15]);
        }
        finally { File.Delete(path); }
        Assert.Throws<ArgumentException>(() => PngWriter.EncodeRgb(2, 2, new byte[11]));
    }

    [Fact]
    public void Lines_include_both_ends_and_are_connected()
    {
        var canvas = new RgbCanvas(20, 10);
        canvas.DrawLine(2, 8, 17, 1, Rgb.Black);
        Assert.Equal(Rgb.Black, canvas[2, 8]);
        Assert.Equal(Rgb.Black, canvas[17, 1]);
        for (int x = 2; x <= 17; x++)   // an x-major line has exactly one pixel in every column
            Assert.Equal(1, Enumerable.Range(0, 10).Count(y => canvas[x, y] == Rgb.Black));
        canvas.DrawLine(-5, -5, 30, 30, Rgb.Black);   // clipped, no exception
    }

    [Fact]
    public void Text_draws_the_font_glyphs()
    {
        var canvas = new RgbCanvas(12, 8);
        canvas.DrawText(0, 0, "1", Rgb.Black);
        // '1' = 0x00,0x42,0x7F,0x40,0x00: column 2 is a full stroke of 7 pixels.
        Assert.All(Enumerable.Range(0, 7), y => Assert.Equal(Rgb.Black, canvas[2, y]));
        Assert.Equal(Rgb.White, canvas[0, 3]);
        Assert.Equal(12, RgbCanvas.TextWidth("ab"));
        Assert.Equal(BitmapFont.Glyph('?').ToArray(), BitmapFont.Glyph('€').ToArray());
    }
}
