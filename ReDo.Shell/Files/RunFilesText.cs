using System.Text;

namespace ReDo.Shell.Files;

/// <summary>Text conveniences over <see cref="IRunFiles"/>, so that code reading or writing text keeps the retry layer.</summary>
public static class RunFilesText
{
    /// <summary>Lines as <see cref="File.ReadAllLines(string)"/> splits them (\n, \r\n or \r; no empty line after a final newline).</summary>
    public static string[] ReadAllLines(this IRunFiles files, string path)
    {
        using var reader = new StringReader(files.ReadAllText(path));
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return [.. lines];
    }

    /// <summary>Creates or replaces a file with this text (UTF-8, no byte-order mark, as File.WriteAllText), flushed to the device.</summary>
    public static void WriteText(this IRunFiles files, string path, string text) =>
        files.WriteDurable(path, Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Writes via &lt;path&gt;.tmp and one rename, so a reader sees the old file or the whole new one, never
    /// half; a write that fails (a full disk) takes its temporary file with it.
    /// </summary>
    public static void WriteTextAtomically(this IRunFiles files, string path, string text) =>
        files.WriteAtomically(path, Encoding.UTF8.GetBytes(text));

    /// <summary>The same for bytes (online.weights: a torn one would make evaluate fail on a run that looks finished).</summary>
    public static void WriteAtomically(this IRunFiles files, string path, ReadOnlySpan<byte> bytes)
    {
        var temp = path + ".tmp";
        try
        {
            files.WriteDurable(temp, bytes);
            files.Rename(temp, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { if (files.Exists(temp)) files.Delete(temp); }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException) { }   // the first error is the one to report
            throw;
        }
    }
}
