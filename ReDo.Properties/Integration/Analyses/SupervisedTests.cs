using ReDo.Pure;
using System.IO.Compression;
using ReDo.Pure.Analyses;
using ReDo.Shell.Analyses;
using ReDo.Shell.Benchmarks;
using ReDo.Shell.Cli;
using Xunit;

namespace ReDo.Properties.Integration.Analyses;

/// <summary>The supervised control on small generated IDX and CIFAR-binary files: formats, errors, and the command end to end.</summary>
public class SupervisedTests
{
    static byte[] Idx(int[] dims, byte[] data)
    {
        var header = new List<byte> { 0, 0, 0x08, (byte)dims.Length };
        foreach (var d in dims) header.AddRange([(byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d]);
        return [.. header, .. data];
    }

    static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest)) gz.Write(data);
        return output.ToArray();
    }

    /// <summary>A Fashion-MNIST-shaped folder: n images of 12 × 12, class = brightest quadrant-ish pattern, gzip as Debian ships it.</summary>
    static string FashionFolder(int n)
    {
        var folder = TinyRuns.NewFolder("fmnist");
        Directory.CreateDirectory(folder);
        var r = new System.Random(1);
        foreach (var prefix in new[] { "train", "t10k" })
        {
            var labels = Enumerable.Range(0, n).Select(_ => (byte)r.Next(10)).ToArray();
            var pixels = labels.SelectMany(l => Enumerable.Range(0, 144).Select(p => (byte)(p % 10 == l ? 250 : r.Next(40)))).ToArray();
            File.WriteAllBytes(Path.Combine(folder, $"{prefix}-images-idx3-ubyte.gz"), Gzip(Idx([n, 12, 12], pixels)));
            File.WriteAllBytes(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte.gz"), Gzip(Idx([n], labels)));
        }
        return folder;
    }

    [Fact]
    public void Idx_and_cifar_files_parse_and_bad_files_are_named()
    {
        var images = ImageFormats.FromIdx(Idx([2, 2, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), Idx([2], [7, 3]), "i", "l");
        Assert.Equal((1, 2, 3, 2), (images.Channels, images.Height, images.Width, images.Count));
        Assert.Equal([7, 3], images.Labels);
        Assert.Contains("says 12 bytes", Assert.Throws<FormatException>(() => ImageFormats.ParseIdx(Idx([2, 2, 3], [1, 2, 3]), "x")).Message);
        Assert.Contains("gzip", Assert.Throws<FormatException>(() => ImageFormats.ParseIdx(Gzip(Idx([1], [1])), "x")).Message);
        Assert.Contains("2 labels", Assert.Throws<FormatException>(() => ImageFormats.FromIdx(Idx([3, 1, 1], [1, 2, 3]), Idx([2], [0, 1]), "i", "l")).Message);

        var record = new byte[ImageFormats.CifarRecord];
        record[0] = 4; record[1] = 200; record[^1] = 9;
        var cifar = ImageFormats.FromCifarBinary([([.. record, .. record], "b1")]);
        Assert.Equal((3, 32, 32, 2), (cifar.Channels, cifar.Height, cifar.Width, cifar.Count));
        Assert.Equal(200, cifar.Pixels[0]);
        Assert.Equal(9, cifar.Pixels[3071]);
        Assert.Contains("whole number", Assert.Throws<FormatException>(() => ImageFormats.FromCifarBinary([(record[..100], "b")])).Message);
    }

    [Fact]
    public void Missing_data_names_the_package_or_the_file_to_get()
    {
        var empty = TinyRuns.NewFolder("nodata");
        Directory.CreateDirectory(empty);
        Assert.Contains("apt-get install dataset-fashion-mnist", Assert.Throws<DataFileException>(() => SupervisedData.Load("fashion-mnist", empty)).Message);
        Assert.Contains("CIFAR-10 binary version", Assert.Throws<DataFileException>(() => SupervisedData.Load("cifar10", null)).Message);
        Assert.Contains("data_batch_1.bin", Assert.Throws<DataFileException>(() => SupervisedData.Load("cifar10", empty)).Message);
        File.WriteAllBytes(Path.Combine(empty, "data_batch_1.bin"), new byte[ImageFormats.CifarRecord]);
        var second = Assert.Throws<DataFileException>(() => SupervisedData.Load("cifar10", empty)).Message;   // the first missing file is the one named
        Assert.Contains(Path.Combine(empty, "data_batch_2.bin") + " is missing", second);
        Assert.Contains("https://www.cs.toronto.edu/~kriz/cifar.html", second);
    }

    [Fact]
    public void The_command_writes_csv_and_plots_for_both_conditions_and_every_seed()
    {
        var data = FashionFolder(96);
        var output = TinyRuns.NewFolder("supervised");
        Assert.Equal(0, CliRun.Invoke(new SupervisedCommand(TestDisk.Files), "supervised", "--data-dir", data, "--images", "64", "--epochs", "4", "--shuffle-every", "2", "--seeds", "2",
            "--batch", "16", "--probe", "32", "--redo", "--out", output).Exit);
        var rows = File.ReadAllLines(Path.Combine(output, "supervised.csv"));
        Assert.Equal(SupervisedControl.CsvHeader.TrimEnd('\n'), rows[0]);
        Assert.Equal(1 + 2 * 2 * 4, rows.Length);   // 2 conditions × 2 seeds × 4 epochs
        Assert.Equal(2 * 2, rows.Skip(1).Count(r => r.Split(',')[2] == "4"));
        Assert.Contains(rows, r => r.StartsWith("shuffled+redo,1,3,"));
        foreach (var png in new[] { "dormant.png", "accuracy.png" })
            Assert.True(PngDecoder.Decode(File.ReadAllBytes(Path.Combine(output, png))).Width > 0);

        // --replot redraws the same plots from the CSV alone (a stopped run's), without data or training.
        var text = File.ReadAllText(Path.Combine(output, "supervised.csv"));
        Assert.Equal(text, SupervisedControl.CsvHeader + string.Concat(SupervisedControl.ParseCsv(text, "x").Select(SupervisedControl.CsvLine)));
        File.Delete(Path.Combine(output, "dormant.png"));
        Assert.Equal(0, CliRun.Invoke(new SupervisedCommand(TestDisk.Files), "supervised", "--data-dir", "/nonexistent", "--redo", "--replot", "--out", output).Exit);
        Assert.True(PngDecoder.Decode(File.ReadAllBytes(Path.Combine(output, "dormant.png"))).Width > 0);
        File.AppendAllText(Path.Combine(output, "supervised.csv"), "fixed,0,x,1,1,1,1,1,0\n");
        var (exit, _, error) = CliRun.Invoke(new SupervisedCommand(TestDisk.Files), "supervised", "--replot", "--out", output);
        Assert.Equal(2, exit);
        Assert.Contains($"line {2 + 2 * 2 * 4} is damaged", error);
    }

    /// <summary>`redo bench supervised` end to end on a tiny data set: every phase is printed with its thread CPU time.</summary>
    [Fact]
    public void The_benchmark_times_every_phase_of_an_epoch()
    {
        var data = FashionFolder(48);
        var output = new StringWriter();
        Assert.Equal(0, SupervisedBenchmark.Run("fashion-mnist", data, new SupervisedSettings(Images: 48, Epochs: 1, BatchSize: 16, TestImages: 20, ProbeSize: 16, Redo: true), output));
        foreach (var line in new[] { "setup (once per run)", "first epoch", "train pass", "dormancy + recycle", "test accuracy", "one epoch (the second)", "floor: SGD steps alone", "epoch / floor", "core-hours" })
            Assert.Contains(line, output.ToString());
    }

    [Fact]
    public void Cifar_binary_files_train_too()
    {
        var folder = TinyRuns.NewFolder("cifar");
        Directory.CreateDirectory(folder);
        var r = new System.Random(2);
        byte[] Batch(int n) => Enumerable.Range(0, n).SelectMany(_ => Enumerable.Range(0, ImageFormats.CifarRecord).Select(i => (byte)(i == 0 ? r.Next(10) : r.Next(256)))).ToArray();
        foreach (var name in new[] { "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin" })
            File.WriteAllBytes(Path.Combine(folder, name), Batch(4));
        var (train, test) = SupervisedData.Load("cifar10", folder);
        Assert.Equal((20, 4), (train.Count, test.Count));
        var rows = SupervisedControl.Run(new SupervisedSettings(Images: 20, Epochs: 2, ShuffleEvery: 1, BatchSize: 8, ProbeSize: 8), train, test, seed: 0, shuffled: true);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, e => Assert.InRange(e.DormantAtZero, 0, e.DormantAtTau));
    }
}
