using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure;
using ReDo.Pure.Config;
using ReDo.Pure.Games;
using ReDo.Shell.Config;
using Xunit;

namespace ReDo.Properties.Laws.Config;

/// <summary>
/// Bad values for every key of the real config schema (<see cref="ConfigSchema.Keys"/>, read from
/// ExperimentConfig), written in a config file or with --set: non-numbers, exponents and decimals for
/// whole numbers, overflow, empty, null, NaN and ∞, negatives, wrong words, lists and objects where a
/// value belongs, sections that are not objects. Each is refused with one message that names the key,
/// the value as given and what is allowed, in the user's words (no "System.", no stack trace); a value
/// that may or may not be in range is either taken or refused the same way.
/// </summary>
public class BadValueLaws
{
    static readonly string Configs = Path.Combine(RepoRoot.Find(), "configs");
    static readonly string DqnBase = File.ReadAllText(Path.Combine(Configs, "minatar-breakout-dqn.json"));
    static readonly string SacBase = File.ReadAllText(Path.Combine(Configs, "mujoco-hopper-sac.json"));

    /// <summary>The one key that takes negative numbers (a log).</summary>
    static readonly string[] TakesNegatives = ["Sac:InitialLogAlpha"];

    /// <param name="Set">the --set argument, or null when the value is written in the file</param>
    /// <param name="Json">the raw JSON written at <paramref name="Path"/> in the file</param>
    /// <param name="Named">the key the message must name (a list's item: Reset:Layers:0)</param>
    /// <param name="Shown">the value as the message must show it</param>
    /// <param name="MustRefuse">no key takes this value; otherwise it may be taken, and if refused it is named the same way</param>
    /// <param name="InRule">the value may be refused by a rule between keys or over a whole list, whose message names the key and shows the value inside it</param>
    public sealed record Attack(bool Sac, string? Set, string[] Path, string? Json, string Named, string Shown, bool MustRefuse, bool InRule = false)
    {
        public override string ToString() => $"{(Sac ? "sac" : "dqn")} {(Set is null ? $"file {string.Join(':', Path)} = {Json}" : $"--set {Set}")} (must refuse: {MustRefuse})";
    }

    enum Kind { Integer, Number, Boolean, Word, Text, List }

    static Kind KindOf(ConfigKey key)
    {
        var t = Nullable.GetUnderlyingType(key.Type) ?? key.Type;
        return key.IsList ? Kind.List
            : t == typeof(int) || t == typeof(long) || t == typeof(uint) ? Kind.Integer
            : t == typeof(double) || t == typeof(float) ? Kind.Number
            : t == typeof(bool) ? Kind.Boolean
            : t == typeof(string) ? Kind.Text
            : Kind.Word;
    }

    static IReadOnlyList<string> WordsOf(ConfigKey key) =>
        key.Type == typeof(Game) ? [.. Game.All.Select(g => g.Name)] : ConfigSchema.Words(Nullable.GetUnderlyingType(key.Type) ?? key.Type);

    /// <summary>Text that no key takes: it starts with '~', which no number, truth value, word or game does.</summary>
    static readonly Gen<string> Junk =
        from n in Gen.Choose(0, 8)
        from cs in Gen.ArrayOf(Gen.Elements("aZq09.,-_ :;=/'\"()é".ToCharArray()), n)
        select "~" + new string(cs);

    static Gen<string> OneOf(params string[] texts) => Gen.Elements(texts);

    /// <summary>Texts of the wrong kind for the key: each must be refused.</summary>
    static Gen<string> WrongText(ConfigKey key) => KindOf(key) switch
    {
        Kind.Integer => Gen.OneOf(Junk, OneOf("1e5", "2.5", "1,000", "1 000", "1_000", "--1", "", " ", "true", "NaN", "Infinity", "99999999999999999999", "-99999999999999999999"),
            Gen.Choose(-1000, 1000).Select(n => $"{n}.5"), Gen.Choose(1, 9).Select(e => $"3e{e}"),
            key.Type == typeof(int) ? OneOf("2147483648", "-2147483649", "9223372036854775807") : OneOf("9223372036854775808")),
        Kind.Number => Gen.OneOf(Junk, OneOf("1,5", "1..2", "", " ", "0.5.1", "e5", "1e", "true", "--1", "0x10", "1/2")),
        Kind.Boolean => Gen.OneOf(Junk, OneOf("yes", "no", "1", "0", "on", "off", "", " ", "truee", "t")),
        Kind.Word => Gen.OneOf(Junk, OneOf("", " ", "0", "1", "-1", "99"),
            Gen.Elements(WordsOf(key).ToArray()).SelectMany(a => Gen.Elements(WordsOf(key).ToArray()).Select(b => $"{a},{b}")),
            Gen.Elements(WordsOf(key).ToArray()).Select(w => w + "x")),
        Kind.Text => Junk,
        _ => Junk,
    };

    /// <summary>Numbers at and beyond the edges: taken or refused by the key's range (NaN, ∞ and negatives are always refused but by one key).</summary>
    static Gen<string> EdgeNumber(ConfigKey key) => KindOf(key) switch
    {
        Kind.Integer => Gen.OneOf(OneOf("-1", "0", "1", "2", "-0", int.MaxValue.ToString(CultureInfo.InvariantCulture), int.MinValue.ToString(CultureInfo.InvariantCulture)),
            key.Type == typeof(long) ? OneOf(long.MaxValue.ToString(CultureInfo.InvariantCulture), long.MinValue.ToString(CultureInfo.InvariantCulture)) : OneOf("64"),
            Gen.Choose(-1_000_000, 1_000_000).Select(n => n.ToString(CultureInfo.InvariantCulture))),
        _ => Gen.OneOf(OneOf("-1", "0", "-0", "0.5", "-0.5", "1", "2", "1e300", "-1e300", "1e-300", "NaN", "Infinity", "-Infinity"),
            Gen.Choose(-1_000_000, 1_000_000).Select(n => (n / 1000.0).ToString("R", CultureInfo.InvariantCulture))),
    };

    static bool NeverTaken(ConfigKey key, string number)
    {
        if (KindOf(key) == Kind.Integer)
            return key.Type == typeof(int) ? !int.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) || (i < 0 && !TakesNegatives.Contains(key.Path))
                : !long.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) || (l < 0 && !TakesNegatives.Contains(key.Path));
        var d = double.Parse(number, CultureInfo.InvariantCulture);
        return !double.IsFinite(d) || (d < 0 && !TakesNegatives.Contains(key.Path));
    }

    static string Raw(string text) => JsonSerializer.Serialize(text);

    static Gen<Attack> ValueAttack(ConfigKey key) =>
        from sac in key.Section == "Sac" ? Gen.Constant(true) : key.Section == "Agent" ? Gen.Constant(false) : Gen.Elements(true, false)
        from viaSet in Gen.Elements(true, false)
        from upper in Gen.Elements(true, false)
        from attack in viaSet ? SetAttack(key, sac, upper) : FileAttack(key, sac)
        select attack;

    static Gen<Attack> SetAttack(ConfigKey key, bool sac, bool upper)
    {
        var path = upper ? key.Path.ToUpperInvariant() : key.Path.ToLowerInvariant();
        Attack Of(string text, bool must) => new(sac, $"{path}={text}", [], null, key.Path, ConfigSchema.Shown(text.Trim()), must, InRule: !must);
        if (KindOf(key) == Kind.List)
            return Gen.OneOf(Junk.Select(t => Of(t, true)),
                from i in Gen.Choose(0, 3) from t in Junk
                select new Attack(sac, $"{path}:{i}={t}", [], null, key.Path, t.Trim(), MustRefuse: sac, InRule: true));
        var wrong = WrongText(key).Where(t => t.Trim().Length > 0 || KindOf(key) != Kind.Text).Select(t => Of(t, true));
        return KindOf(key) is Kind.Integer or Kind.Number ? Gen.OneOf(wrong, EdgeNumber(key).Select(t => Of(t, NeverTaken(key, t)))) : wrong;
    }

    static Gen<Attack> FileAttack(ConfigKey key, bool sac)
    {
        string[] path = [key.Section, key.Name];
        Attack Of(string json, string shown, bool must, string? named = null) => new(sac, null, path, json, named ?? key.Path, shown, must);
        var shapes = Gen.OneOf(
            OneOf("[1,2]", "[]", "{\"a\":1}", "{}", "[\"x\"]").Select(j => Of(j, j, true)),
            Gen.Constant(Of("null", "null", !key.Nullable)));
        if (KindOf(key) == Kind.List)
            return Gen.OneOf(OneOf("{\"a\":1}", "{}", "[]", "null").Select(j => Of(j, j, true)),
                Junk.Select(t => Of(Raw(t), ConfigSchema.Shown(t), true)),
                OneOf("5", "true").Select(j => Of(j, j, true)),
                from i in Gen.Choose(0, 2)
                from item in OneOf("null", "[1]", "{\"a\":1}", "true", "5")
                select Of($"[{string.Concat(Enumerable.Repeat("\"Dense_0\",", i))}{item}]", item, true, $"{key.Path}:{i}"));
        var wrong = WrongText(key).Where(t => t.Length > 0 || KindOf(key) != Kind.Text).Select(t => Of(Raw(t), ConfigSchema.Shown(t), true));
        var jsonKinds = KindOf(key) switch
        {
            Kind.Integer or Kind.Number => OneOf("true", "false").Select(j => Of(j, j, true)),
            Kind.Boolean or Kind.Word => OneOf("5", "0", "-1.5", "1e5").Select(j => Of(j, j, true)),
            _ => OneOf("5", "true").Select(j => Of(j, j, true)),
        };
        if (KindOf(key) is not (Kind.Integer or Kind.Number)) return Gen.OneOf(shapes, wrong, jsonKinds);
        // An edge number as a JSON number where JSON has one (NaN and ∞ only as strings), or as a string.
        var edges = from t in EdgeNumber(key)
                    from asString in Gen.Elements(true, false)
                    let json = asString || !double.IsFinite(double.Parse(t, CultureInfo.InvariantCulture)) ? Raw(t) : t
                    let must = NeverTaken(key, t)
                    select Of(json, t, must) with { InRule = !must };
        return Gen.OneOf(shapes, wrong, jsonKinds, edges);
    }

    /// <summary>A section that is not an object of keys: null, a number, a word, a list.</summary>
    static readonly Gen<Attack> SectionAttack =
        from section in Gen.Elements(ConfigSchema.Sections.ToArray())
        from sac in Gen.Elements(true, false)
        from viaSet in Gen.Elements(true, false)
        from json in OneOf("null", "5", "\"x\"", "[]", "[{}]", "true")
        select viaSet && json != "null"
            ? new Attack(sac, $"{section}={json.Trim('"')}", [], null, section, json.Trim('"'), true)
            : new Attack(sac, null, [section], json, section, json.Trim('"'), true);

    static readonly Gen<Attack> AnyAttack =
        Gen.Frequency((20, Gen.Elements(ConfigSchema.Keys.ToArray()).SelectMany(ValueAttack)), (1, SectionAttack));

    /// <summary>The refusal's message, or null when the configuration was taken.</summary>
    static string? Refusal(Attack a)
    {
        var json = a.Sac ? SacBase : DqnBase;
        if (a.Json is not null)
        {
            var root = JsonNode.Parse(json)!.AsObject();
            if (a.Path.Length == 1) root[a.Path[0]] = JsonNode.Parse(a.Json);
            else
            {
                if (root[a.Path[0]] is not JsonObject section) root[a.Path[0]] = section = [];
                section[a.Path[1]] = JsonNode.Parse(a.Json);
            }
            json = root.ToJsonString();
        }
        try { ConfigLoader.LoadJson(json, a.Set is null ? [] : [a.Set], "attack.json"); return null; }
        catch (ConfigException e) { return e.Message; }
    }

    [Fact]
    public void Both_base_configs_load() =>
        Assert.All(new[] { DqnBase, SacBase }, json => ConfigLoader.LoadJson(json, [], "base.json"));

    [Law(Runs = 2000)]
    public Property Every_bad_value_of_every_key_is_refused_naming_the_key_the_value_and_what_is_allowed() =>
        Prop.ForAll(AnyAttack.ToArbitrary(), a =>
        {
            var message = Refusal(a);
            if (message is null)
            {
                Assert.False(a.MustRefuse, $"{a} was taken");
                return;
            }
            Assert.DoesNotContain("System.", message);
            Assert.DoesNotContain("Exception", message);
            Assert.DoesNotMatch(@"\n\s+at ", message);
            Assert.StartsWith("attack.json: ", message);
            var named = Regex.IsMatch(message, Regex.Escape($"{a.Named} = {a.Shown}: allowed ") + @"\S");
            // A value in range of its own key may break a rule between keys, which names both ("Redo:ProbeSize = 64: allowed ≤ Agent:MinReplayHistory (10)").
            var namedWithAnother = a.InRule && message.Contains(a.Named) && message.Contains(a.Shown) && message.Contains(": allowed ");
            Assert.True(named || namedWithAnother, $"{a}: {message}");
        });

    [Law(Runs = 200)]
    public Property The_message_is_the_same_on_every_load() =>
        Prop.ForAll(AnyAttack.ToArbitrary(), a => Assert.Equal(Refusal(a), Refusal(a)));
}
