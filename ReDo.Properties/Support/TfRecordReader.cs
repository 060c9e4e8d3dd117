using System.Buffers.Binary;
using System.Text;

namespace ReDo.Properties;

/// <summary>
/// An independent reader for the tests: splits a TFRecord file checking both masked CRCs (with the
/// tests' own CRC-32C), and decodes the Event fields with a generic protobuf walker, as TensorBoard
/// would read what TorchSharp's SummaryWriter wrote.
/// </summary>
public static class TfRecordReader
{
    /// <summary>
    /// Every scalar of a run folder's event files as TensorBoard shows them: files in name order
    /// (TensorBoard's), events in file order; (step, tag, value), wall times left out.
    /// </summary>
    public static List<(long Step, string Tag, float Value)> Scalars(string runFolder) =>
        Directory.GetFiles(runFolder, "events.out.tfevents.*").Order(StringComparer.Ordinal)
            .SelectMany(f => Records(File.ReadAllBytes(f)).Select(Decode))
            .SelectMany(e => e.Scalars.Select(s => (e.Step ?? 0, s.Tag, s.Value)))
            .ToList();

    public static List<byte[]> Records(byte[] file)
    {
        var records = new List<byte[]>();
        int at = 0;
        while (at < file.Length)
        {
            if (file.Length - at < 12) throw new InvalidDataException($"truncated length at byte {at}");
            ulong length = BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(at));
            if (BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 8)) != Crc32c.Masked(file.AsSpan(at, 8)))
                throw new InvalidDataException($"length CRC mismatch at byte {at}");
            var data = file.AsSpan(at + 12, (int)length).ToArray();
            if (BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 12 + (int)length)) != Crc32c.Masked(data))
                throw new InvalidDataException($"data CRC mismatch at byte {at}");
            records.Add(data);
            at += 16 + (int)length;
        }
        return records;
    }

    public sealed record Event(double WallTime, long? Step, string? FileVersion, List<(string Tag, float Value)> Scalars);

    public static Event Decode(byte[] data)
    {
        double wall = 0;
        long? step = null;
        string? version = null;
        var scalars = new List<(string, float)>();
        foreach (var (field, value) in Fields(data))
            switch (field)
            {
                case 1: wall = BitConverter.Int64BitsToDouble((long)(ulong)value); break;
                case 2: step = (long)(ulong)value; break;
                case 3: version = Encoding.UTF8.GetString((byte[])value); break;
                case 5:
                    foreach (var (vf, v) in Fields((byte[])value))
                    {
                        if (vf != 1) throw new InvalidDataException($"Summary field {vf}");
                        string tag = "";
                        float simple = float.NaN;
                        foreach (var (f, x) in Fields((byte[])v))
                            if (f == 1) tag = Encoding.UTF8.GetString((byte[])x);
                            else if (f == 2) simple = BitConverter.Int32BitsToSingle((int)(ulong)x);
                        scalars.Add((tag, simple));
                    }
                    break;
                default: throw new InvalidDataException($"unexpected Event field {field}");
            }
        return new Event(wall, step, version, scalars);
    }

    /// <summary>(field number, value): varint and fixed fields as ulong, length-delimited as byte[].</summary>
    static IEnumerable<(int Field, object Value)> Fields(byte[] message)
    {
        int at = 0;
        ulong Varint()
        {
            ulong v = 0;
            for (int shift = 0; ; shift += 7)
            {
                byte b = message[at++];
                v |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return v;
            }
        }
        while (at < message.Length)
        {
            var key = Varint();
            int field = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0: yield return (field, Varint()); break;
                case 1: yield return (field, BinaryPrimitives.ReadUInt64LittleEndian(message.AsSpan(at))); at += 8; break;
                case 5: yield return (field, (ulong)BinaryPrimitives.ReadUInt32LittleEndian(message.AsSpan(at))); at += 4; break;
                case 2:
                    int n = (int)Varint();
                    yield return (field, message.AsSpan(at, n).ToArray());
                    at += n;
                    break;
                default: throw new InvalidDataException($"wire type {key & 7}");
            }
        }
    }
}
