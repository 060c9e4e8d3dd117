using System.Text;
using Xunit;

namespace ReDo.Properties.Examples.Metrics;

/// <summary>CRC-32C against RFC 3720 B.4's check values: the tests' own and TorchSharp's (which frames its TensorBoard records).</summary>
public class ChecksumExamples
{
    static readonly (byte[] Data, uint Crc)[] Rfc3720 =
    [
        (Encoding.ASCII.GetBytes("123456789"), 0xE3069283u),
        (new byte[32], 0x8A9136AAu),
        (Enumerable.Repeat((byte)0xFF, 32).ToArray(), 0x62A8AB43u),
        (Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), 0x46DD794Eu),
    ];

    [Fact]
    public void Crc32c_matches_the_known_vectors()
    {
        foreach (var (data, crc) in Rfc3720) Assert.Equal(crc, Crc32c.Compute(data));
    }

    [Fact]
    public void TorchSharps_crc32c_matches_the_known_vectors()
    {
        foreach (var (data, crc) in Rfc3720) Assert.Equal(crc, TorchSharp.Utils.CRC32C.process(data));
    }

    [Fact]
    public void Masking_is_tensorflows()
    {
        uint crc = 0xE3069283u;
        Assert.Equal(unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8u), Crc32c.Masked(Encoding.ASCII.GetBytes("123456789")));
    }
}
