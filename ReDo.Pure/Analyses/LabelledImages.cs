namespace ReDo.Pure.Analyses;

/// <summary>
/// Images (N × C × H × W bytes, channels first) and one class label per image, for the supervised
/// control (paper Fig. 3). A class, not a record: it carries bulk pixel arrays that are handed to
/// libtorch as they are and never compared by value.
/// </summary>
public sealed class LabelledImages(int channels, int height, int width, byte[] pixels, byte[] labels)
{
    public int Channels { get; } = channels;
    public int Height { get; } = height;
    public int Width { get; } = width;
    public byte[] Pixels { get; } = pixels;
    public byte[] Labels { get; } = labels;

    public int Count => Labels.Length;
    public int PixelsPerImage => Channels * Height * Width;

    /// <summary>The first <paramref name="n"/> images (the paper trains on a 10,000-image subset).</summary>
    public LabelledImages Take(int n) => n >= Count ? this : new(Channels, Height, Width, Pixels[..(n * PixelsPerImage)], Labels[..n]);
}

/// <summary>
/// Parsers of the two dataset file formats: IDX (LeCun's MNIST format, used by Fashion-MNIST) and
/// the CIFAR-10 binary version (records of 1 label byte + 3072 pixel bytes, channels first).
/// </summary>
public static class ImageFormats
{
    /// <summary>An IDX file of unsigned bytes: magic 0x00 0x00 0x08 &lt;dims&gt;, big-endian sizes, then the data.</summary>
    public static (int[] Dims, byte[] Data) ParseIdx(byte[] file, string source)
    {
        if (file.Length < 4 || file[0] != 0 || file[1] != 0)
            throw new FormatException($"{source} is not an IDX file (it must start with two zero bytes; is it still gzip-compressed or another format?)");
        if (file[2] != 0x08) throw new FormatException($"{source}: IDX element type 0x{file[2]:x2} is not unsigned bytes (0x08)");
        int rank = file[3];
        if (rank < 1 || file.Length < 4 + 4 * rank) throw new FormatException($"{source}: IDX header with {rank} dimensions is cut short");
        var dims = new int[rank];
        long total = 1;
        for (int i = 0; i < rank; i++)
        {
            int o = 4 + 4 * i;
            dims[i] = file[o] << 24 | file[o + 1] << 16 | file[o + 2] << 8 | file[o + 3];
            if (dims[i] < 0) throw new FormatException($"{source}: IDX dimension {i} is negative");
            total *= dims[i];
        }
        long expected = 4 + 4L * rank + total;
        if (file.Length != expected) throw new FormatException($"{source}: IDX header says {total:N0} bytes of data ({string.Join(" × ", dims)}) but the file has {file.Length - 4 - 4 * rank:N0}");
        return (dims, file[(4 + 4 * rank)..]);
    }

    /// <summary>An IDX images file (N × H × W) and its labels file (N) as one-channel images.</summary>
    public static LabelledImages FromIdx(byte[] images, byte[] labels, string imagesSource, string labelsSource)
    {
        var (dims, pixels) = ParseIdx(images, imagesSource);
        var (ldims, l) = ParseIdx(labels, labelsSource);
        if (dims.Length != 3) throw new FormatException($"{imagesSource}: an images file has 3 dimensions (N × H × W), this one {dims.Length}");
        if (ldims.Length != 1) throw new FormatException($"{labelsSource}: a labels file has 1 dimension, this one {ldims.Length}");
        if (ldims[0] != dims[0]) throw new FormatException($"{imagesSource} has {dims[0]:N0} images but {labelsSource} has {ldims[0]:N0} labels");
        return new LabelledImages(1, dims[1], dims[2], pixels, l);
    }

    public const int CifarRecord = 1 + 3 * 32 * 32;

    /// <summary>CIFAR-10 binary batches (data_batch_*.bin, test_batch.bin), concatenated in the given order.</summary>
    public static LabelledImages FromCifarBinary(IReadOnlyList<(byte[] Bytes, string Source)> files)
    {
        var pixels = new List<byte>();
        var labels = new List<byte>();
        foreach (var (bytes, source) in files)
        {
            if (bytes.Length == 0 || bytes.Length % CifarRecord != 0)
                throw new FormatException($"{source}: {bytes.Length:N0} bytes is not a whole number of CIFAR-10 binary records ({CifarRecord} bytes each); use the \"CIFAR-10 binary version\" files");
            for (int r = 0; r < bytes.Length; r += CifarRecord)
            {
                if (bytes[r] > 9) throw new FormatException($"{source}: record {r / CifarRecord} has label {bytes[r]}; CIFAR-10 labels are 0 … 9");
                labels.Add(bytes[r]);
                pixels.AddRange(bytes.AsSpan(r + 1, CifarRecord - 1).ToArray());
            }
        }
        return new LabelledImages(3, 32, 32, [.. pixels], [.. labels]);
    }
}
