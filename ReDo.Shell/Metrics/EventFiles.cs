using System.Buffers.Binary;
using ReDo.Shell.Files;

namespace ReDo.Shell.Metrics;

/// <summary>
/// Cutting TensorBoard event files back to a checkpoint on resume. A file is a sequence of TFRecords
/// (uint64 length, masked CRC-32C of it, the serialized <c>tensorflow.Event</c>, masked CRC-32C of
/// that); records are read with TorchSharp's own Event type and CRC-32C, the ones its writer used.
/// </summary>
public static class EventFiles
{
    /// <summary>
    /// Keeps the leading records whose step is at most <paramref name="lastStep"/> and drops the rest
    /// (later rows, and a torn or corrupt tail); a file left without any scalar event is deleted.
    /// </summary>
    public static void CutBack(string path, IRunFiles files, long lastStep)
    {
        var bytes = files.ReadAllBytes(path);
        var (length, hasScalars) = Through(bytes, lastStep);
        if (!hasScalars) files.Delete(path);
        else if (length < bytes.Length) files.Truncate(path, length);
    }

    /// <summary>Byte length of the intact leading records with step ≤ <paramref name="lastStep"/>, and whether one of them holds scalars.</summary>
    public static (long Length, bool HasScalars) Through(byte[] file, long lastStep)
    {
        int at = 0;
        bool hasScalars = false;
        while (file.Length - at >= 16)
        {
            var header = file.AsSpan(at, 8);
            ulong length = BinaryPrimitives.ReadUInt64LittleEndian(header);
            if (BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 8)) != MaskedCrc(header) || length > (ulong)(file.Length - at - 16)) break;
            var data = file.AsSpan(at + 12, (int)length).ToArray();
            if (BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 12 + (int)length)) != MaskedCrc(data)) break;
            var e = Tensorboard.Event.Parser.ParseFrom(data);
            if (e.Step > lastStep) break;
            hasScalars |= e.Summary is not null;
            at += 16 + (int)length;
        }
        return (at, hasScalars);
    }

    /// <summary>TFRecord's masking of a CRC-32C (rotate right by 15, add a constant).</summary>
    static uint MaskedCrc(ReadOnlySpan<byte> data)
    {
        uint crc = TorchSharp.Utils.CRC32C.process(data.ToArray());
        return unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8u);
    }
}
