using System.CommandLine;
using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using Xunit;

namespace ReDo.Properties.Laws.Cli;

/// <summary>
/// Every number option of every command (read from the real command tree): a value of the wrong kind
/// is refused with exit code 2 in a few lines naming the option, the value and what it allows, in the
/// user's words, never a .NET type or a stack trace.
/// </summary>
public class CliOptionLaws
{
    static IEnumerable<(string[] Path, Option Option)> Options(Command command, string[] path) =>
        command.Options.Select(o => (path, o)).Concat(command.Subcommands.SelectMany(c => Options(c, [.. path, c.Name])));

    static Type Element(Type t) => Nullable.GetUnderlyingType(t.IsArray ? t.GetElementType()! : t) ?? (t.IsArray ? t.GetElementType()! : t);

    static readonly (string[] Path, Option Option)[] NumberOptions =
        [.. Options(CliRun.All().Root(), []).Where(x => Element(x.Option.ValueType) is var t && (t == typeof(int) || t == typeof(uint) || t == typeof(long) || t == typeof(double)))];

    /// <summary>Text no option of the type reads: words, and for whole numbers exponents, decimals and (unsigned) negatives.</summary>
    static Gen<string> Wrong(Type t) =>
        Gen.OneOf(Gen.Elements("abc", "~", "1..2", "one", "1/2", "0x"),
            t == typeof(double) ? Gen.Elements("1,5x", "e5") : Gen.Elements("1e5", "2.5", "99999999999999999999"),
            t == typeof(uint) ? Gen.Elements("-1", "-7") : Gen.Elements("NaNx"));

    static readonly Gen<(string[] Args, string Option, string Value)> Attack =
        from x in Gen.Elements(NumberOptions)
        from value in Wrong(Element(x.Option.ValueType))
        select ((string[])[.. x.Path, x.Option.Name, value], x.Option.Name, value);

    [Fact]
    public void There_are_number_options_to_attack() => Assert.True(NumberOptions.Length >= 20, $"{NumberOptions.Length} number options");

    [Law(Runs = 500)]
    public Property A_wrong_kind_of_value_for_any_number_option_is_named_in_a_few_lines() =>
        Prop.ForAll(Attack.ToArbitrary(), a =>
        {
            // Only parse errors reach this law: a value that parsed would run the command.
            Assert.NotEmpty(CliRun.All().Root().Parse(a.Args).Errors);
            var (exit, output, error) = CliRun.Capture(() => CliRun.All().Run(a.Args));
            var text = output + error;
            Assert.Equal(2, exit);
            Assert.Contains($"{a.Option} = {a.Value}: allowed ", text);
            Assert.DoesNotContain("System.", text);
            Assert.DoesNotContain("   at ", text);
            Assert.InRange(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, 1, 6);
        });
}
