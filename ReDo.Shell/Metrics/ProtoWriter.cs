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
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(b, value);
        return Fixed(field, 1, b);
    }

    public ProtoWriter Float(int field, float value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(b, value);
        return Fixed(field, 5, b);
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

    /// <summary>Wire type 1 (64-bit) or 5 (32-bit): the little-endian bytes as they are.</summary>
    ProtoWriter Fixed(int field, int wireType, ReadOnlySpan<byte> littleEndian)
    {
        Tag(field, wireType);
        _bytes.AddRange(littleEndian);
        return this;
    }

    void Tag(int field, int wireType) => Varint((ulong)((field << 3) | wireType));

    void Varint(ulong v)
    {
        for (; v >= 0x80; v >>= 7) _bytes.Add((byte)(v | 0x80));
        _bytes.Add((byte)v);
    }
}
