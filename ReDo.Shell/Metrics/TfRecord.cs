using System.Buffers.Binary;
using ReDo.Shell.Checksums;

namespace ReDo.Shell.Metrics;

/// <summary>
/// TFRecord framing of one record: uint64 length, masked CRC-32C of the length bytes, the data,
/// masked CRC-32C of the data (all little-endian).
/// </summary>
public static class TfRecord
{
    public static byte[] Frame(ReadOnlySpan<byte> data)
    {
        var record = new byte[8 + 4 + data.Length + 4];
        BinaryPrimitives.WriteUInt64LittleEndian(record, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), MaskedCrc(record.AsSpan(0, 8)));
        data.CopyTo(record.AsSpan(12));
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12 + data.Length), MaskedCrc(data));
        return record;
    }

    /// <summary>TensorFlow's masking, so that CRCs of data that contains CRCs stay well distributed.</summary>
    public static uint MaskedCrc(ReadOnlySpan<byte> data)
    {
        uint crc = Crc32.Castagnoli.Compute(data);
        return unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8u);
    }
}
