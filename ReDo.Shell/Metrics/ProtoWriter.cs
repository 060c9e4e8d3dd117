using System.Buffers.Binary;
using System.Text;

namespace ReDo.Shell.Metrics;

/// <summary>
/// The handful of protobuf wire-format encodings a TensorBoard scalar Event needs (varint, 64- and
/// 32-bit little-endian, length-delimited). Hand-written rather than Google.Protobuf + generated
/// types: a dozen lines, no dependency on a transitive package, no .proto files to keep in sync.
/// </summary>
public sealed class ProtoWriter
{
    readonly List<byte> _bytes = [];

    public byte[] ToArray() => [.. _bytes];

    public ProtoWriter Double(int field, double value)
    {
        Tag(field, 1);
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(b, value);
        _bytes.AddRange(b);
        return this;
    }

    public ProtoWriter Float(int field, float value)
    {
        Tag(field, 5);
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(b, value);
        _bytes.AddRange(b);
        return this;
    }

    public ProtoWriter Int64(int field, long value) { Tag(field, 0); Varint((ulong)value); return this; }

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, 2);
        Varint((ulong)value.Length);
        _bytes.AddRange(value);
        return this;
    }

    void Tag(int field, int wireType) => Varint((ulong)((field << 3) | wireType));

    void Varint(ulong v)
    {
        for (; v >= 0x80; v >>= 7) _bytes.Add((byte)(v | 0x80));
        _bytes.Add((byte)v);
    }
}
