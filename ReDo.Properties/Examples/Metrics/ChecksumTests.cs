using System.Text;
using ReDo.Shell.Checksums;
using ReDo.Shell.Metrics;
using Xunit;

namespace ReDo.Properties.Examples.Metrics;

/// <summary>The CRCs against published check values (RFC 3720 B.4 for CRC-32C; the CRC catalogue's "123456789" checks).</summary>
public class ChecksumTests
{
    [Fact]
    public void Crc32c_matches_the_known_vectors()
    {
        Assert.Equal(0xE3069283u, Crc32.Castagnoli.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0x8A9136AAu, Crc32.Castagnoli.Compute(new byte[32]));
        Assert.Equal(0x62A8AB43u, Crc32.Castagnoli.Compute(Enumerable.Repeat((byte)0xFF, 32).ToArray()));
        Assert.Equal(0x46DD794Eu, Crc32.Castagnoli.Compute(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()));
    }

    [Fact]
    public void Crc32_of_png_matches_the_known_vectors()
    {
        Assert.Equal(0xCBF43926u, Crc32.IsoHdlc.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0xAE426082u, Crc32.IsoHdlc.Compute(Encoding.ASCII.GetBytes("IEND")));   // every PNG ends with it
    }

    [Fact]
    public void Appending_equals_computing_over_the_concatenation()
    {
        var a = Encoding.ASCII.GetBytes("12345");
        var b = Encoding.ASCII.GetBytes("6789");
        Assert.Equal(0xE3069283u, Crc32.Castagnoli.Append(Crc32.Castagnoli.Compute(a), b));
    }

    [Fact]
    public void Masking_is_tensorflows()
    {
        uint crc = 0xE3069283u;
        Assert.Equal(unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8u), TfRecord.MaskedCrc(Encoding.ASCII.GetBytes("123456789")));
    }
}
