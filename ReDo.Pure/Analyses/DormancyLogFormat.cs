using System.Globalization;
using System.Text;
using ReDo.Pure.Collections;

namespace ReDo.Pure.Analyses;

/// <summary>
/// One dormancy logging step as kept in the run folder: the dormant masks and the penultimate
/// features' ranks (paper Table 7) at that step. <see cref="Updates"/> is the run's gradient-update
/// count when it was logged (a resume drops the entries after its checkpoint by it).
/// </summary>
public sealed record DormancyLogEntry(long Updates, DormantMasks Masks, int SRank, double EffectiveRank);

/// <summary>
/// The text format of <c>dormancy-log.txt</c>: a header line, then one line per logging step,
/// <c>updates gradientStep τ srank erank layer=count:zeroHex/count:tauHex …</c>, each mask packed 4
/// neurons per hex digit (neuron 4k+b is bit b of digit k), so MinAtar's 144 neurons take 2 × 36 digits.
/// A last line without its newline is a torn append and is ignored.
/// </summary>
public static class DormancyLogFormat
{
    public const string Header = "# redo dormancy log v1: updates gradient_step tau srank effective_rank layer=count:dormant@0/count:dormant@tau (hex, 4 neurons per digit, neuron 4k+b = bit b of digit k)\n";

    public static string Line(DormancyLogEntry e)
    {
        var m = e.Masks;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{e.Updates} {m.GradientStep} {m.Tau.ToString("R", CultureInfo.InvariantCulture)} {e.SRank} {e.EffectiveRank.ToString("R", CultureInfo.InvariantCulture)}");
        for (int i = 0; i < m.AtZero.Count; i++)
        {
            if (m.AtZero[i].Layer != m.AtTau[i].Layer) throw new ArgumentException("the masks at τ = 0 and at τ must list the same layers in the same order");
            sb.Append(' ').Append(m.AtZero[i].Layer).Append('=').Append(Hex(m.AtZero[i].Dormant)).Append('/').Append(Hex(m.AtTau[i].Dormant));
        }
        return sb.Append('\n').ToString();
    }

    /// <summary>Every complete entry; a damaged line is a <see cref="DataFileException"/> naming <paramref name="source"/> and the line.</summary>
    public static IReadOnlyList<DormancyLogEntry> Parse(string text, string source)
    {
        var lines = text.Split('\n');
        var entries = new List<DormancyLogEntry>();
        for (int n = 0; n < lines.Length - 1; n++)   // the part after the last '\n' is empty or torn
        {
            var line = lines[n];
            if (line.Length == 0 || line.StartsWith('#')) continue;
            try { entries.Add(ParseLine(line)); }
            catch (FormatException e) { throw Damaged(source, n + 1, e.Message); }
        }
        return entries;
    }

    /// <summary>
    /// The gradient-update count an entry line starts with (what a resume cuts back by); null for a
    /// header or blank line. <paramref name="lineNumber"/> (from 1) names a damaged line.
    /// </summary>
    public static long? UpdatesOf(string line, string source, int lineNumber)
    {
        if (line.Length == 0 || line.StartsWith('#')) return null;
        int space = line.IndexOf(' ');
        try { return Long(space < 0 ? line : line[..space]); }
        catch (FormatException) { throw Damaged(source, lineNumber, $"expected 'updates gradient_step tau srank effective_rank layer=…', got '{Short(line)}'"); }
    }

    /// <summary>Every line was written whole by `redo train`; one that is not came from outside, and only a person can say what it held.</summary>
    static DataFileException Damaged(string source, int lineNumber, string problem) =>
        new($"{source} line {lineNumber} is damaged: {problem}. Repair or delete that line (each line is one dormancy logging step) and run the command again; nothing was changed.");

    static DormancyLogEntry ParseLine(string line)
    {
        var f = line.Split(' ');
        if (f.Length < 5) throw new FormatException($"expected 'updates gradient_step tau srank effective_rank layer=…', got '{Short(line)}'");
        var zero = new List<LayerMask>();
        var tau = new List<LayerMask>();
        foreach (var field in f.Skip(5))
        {
            int eq = field.IndexOf('='), slash = field.IndexOf('/');
            if (eq <= 0 || slash < eq) throw new FormatException($"layer field '{Short(field)}' is not layer=zeroHex/tauHex");
            var layer = field[..eq];
            zero.Add(new LayerMask(layer, Bits(field[(eq + 1)..slash])));
            tau.Add(new LayerMask(layer, Bits(field[(slash + 1)..])));
        }
        var masks = new DormantMasks(Long(f[1]), Double(f[2]), zero.ToValueList(), tau.ToValueList());
        return new DormancyLogEntry(Long(f[0]), masks, (int)Long(f[3]), Double(f[4]));
    }

    static string Hex(IReadOnlyList<bool> bits)
    {
        // "<count>:" keeps the neuron count, which the digits alone round up to a multiple of 4
        var sb = new StringBuilder().Append(bits.Count.ToString(CultureInfo.InvariantCulture)).Append(':');
        for (int k = 0; k < (bits.Count + 3) / 4; k++)
        {
            int v = 0;
            for (int b = 0; b < 4 && 4 * k + b < bits.Count; b++) if (bits[4 * k + b]) v |= 1 << b;
            sb.Append("0123456789abcdef"[v]);
        }
        return sb.ToString();
    }

    static ValueList<bool> Bits(string field)
    {
        int colon = field.IndexOf(':');
        if (colon <= 0 || !int.TryParse(field[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            throw new FormatException($"mask '{Short(field)}' does not start with its neuron count ('<count>:<hex>')");
        var digits = field[(colon + 1)..];
        if (digits.Length != (count + 3) / 4) throw new FormatException($"mask '{Short(field)}' has {digits.Length} hex digits for {count} neurons");
        var bits = new bool[count];
        for (int k = 0; k < digits.Length; k++)
        {
            int v = Convert.ToInt32(digits[k].ToString(), 16);
            for (int b = 0; b < 4; b++)
            {
                bool set = (v >> b & 1) == 1;
                if (4 * k + b < count) bits[4 * k + b] = set;
                else if (set) throw new FormatException($"mask '{Short(field)}' sets a bit beyond its {count} neurons");
            }
        }
        return bits.ToValueList();
    }

    static long Long(string s) => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"'{Short(s)}' is not an integer");
    static double Double(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"'{Short(s)}' is not a number");
    static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
