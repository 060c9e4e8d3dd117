using ReDo.Pure;
using System.IO.Compression;
using ReDo.Pure.Analyses;

namespace ReDo.Shell.Analyses;

/// <summary>
/// The supervised control's data: Fashion-MNIST as Debian ships it (IDX files, gzip or not) or CIFAR-10
/// in its binary format supplied by the user. A missing file is an error naming what to install or fetch.
/// </summary>
public static class SupervisedData
{
    public const string FashionMnistFolder = "/usr/share/datasets/fashion-mnist";

    public static (LabelledImages Train, LabelledImages Test) Load(string dataset, string? folder) => dataset switch
    {
        "fashion-mnist" => FashionMnist(folder ?? FashionMnistFolder),
        "cifar10" => Cifar10(folder ?? throw new DataFileException(
            "CIFAR-10 is not packaged: download the \"CIFAR-10 binary version\" (cifar-10-binary.tar.gz) from https://www.cs.toronto.edu/~kriz/cifar.html, unpack it and pass its folder with --data-dir (it holds data_batch_1.bin … data_batch_5.bin and test_batch.bin).")),
        _ => throw new ConfigException($"--dataset '{dataset}' is not known; use fashion-mnist or cifar10."),
    };

    static (LabelledImages, LabelledImages) FashionMnist(string folder)
    {
        LabelledImages Pair(string prefix) =>
            Read(() => ImageFormats.FromIdx(Bytes(folder, $"{prefix}-images-idx3-ubyte"), Bytes(folder, $"{prefix}-labels-idx1-ubyte"),
                Path.Combine(folder, $"{prefix}-images-idx3-ubyte"), Path.Combine(folder, $"{prefix}-labels-idx1-ubyte")));
        return (Pair("train"), Pair("t10k"));
    }

    static (LabelledImages, LabelledImages) Cifar10(string folder)
    {
        (byte[], string) File(string name)
        {
            var path = Path.Combine(folder, name);
            if (!System.IO.File.Exists(path))
                throw new DataFileException($"{path} is missing: --data-dir must be the unpacked \"CIFAR-10 binary version\" folder (data_batch_1.bin … data_batch_5.bin, test_batch.bin) from https://www.cs.toronto.edu/~kriz/cifar.html.");
            return (System.IO.File.ReadAllBytes(path), path);
        }
        var train = Read(() => ImageFormats.FromCifarBinary(Enumerable.Range(1, 5).Select(i => File($"data_batch_{i}.bin")).ToList()));
        var test = Read(() => ImageFormats.FromCifarBinary([File("test_batch.bin")]));
        return (train, test);
    }

    /// <summary>name or name.gz in the folder, decompressed.</summary>
    static byte[] Bytes(string folder, string name)
    {
        var plain = Path.Combine(folder, name);
        if (File.Exists(plain)) return File.ReadAllBytes(plain);
        var gz = plain + ".gz";
        if (!File.Exists(gz))
            throw new DataFileException($"{plain}(.gz) is missing: install Fashion-MNIST with `apt-get install dataset-fashion-mnist` (files land in {FashionMnistFolder}) or pass the folder holding the IDX files with --data-dir.");
        using var input = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress);
        using var output = new MemoryStream();
        try { input.CopyTo(output); }
        catch (InvalidDataException e) { throw new DataFileException($"{gz} is not a valid gzip file ({e.Message}); reinstall dataset-fashion-mnist."); }
        return output.ToArray();
    }

    static LabelledImages Read(Func<LabelledImages> parse)
    {
        try { return parse(); }
        catch (FormatException e) { throw new DataFileException(e.Message); }
    }
}
