using System.CommandLine;
using ReDo.Pure.Config;
using ReDo.Shell.Config;
using ReDo.Shell.Files;

namespace ReDo.Shell.Cli;

/// <summary>
/// <c>redo config list</c>: the shipped run configs by name, one line each (what <c>redo train &lt;name&gt;</c>
/// accepts); <c>redo config show &lt;name&gt;</c>: one config's JSON, to copy and edit.
/// </summary>
public sealed class ConfigCommand(IRunFiles files) : ICliCommand
{
    public Command Definition()
    {
        var list = new Command("list", "the shipped run configs (train and sweep take them by name)");
        list.SetAction(_ => List());
        var name = new Argument<string>("config") { Description = "a shipped config's name (redo config list) or a config file" };
        var show = new Command("show", "print a config's JSON (e.g. redo config show minatar-breakout-dqn-redo > mine.json)") { name };
        show.SetAction(r => Show(r.GetValue(name)!));
        return new Command("config", "the shipped run configs: list, show") { list, show };
    }

    public int List()
    {
        var shipped = ShippedFiles.Installed(files);
        var names = shipped.ConfigNames();
        if (names.Count == 0) throw new CliError($"no configs in '{ShippedFiles.ConfigFolder}' here or beside the redo executable ({AppContext.BaseDirectory}).");
        int width = names.Max(n => n.Length);
        foreach (var n in names)
            Console.WriteLine($"{n.PadRight(width)}  {ConfigSummary.Describe(ConfigLoader.Load(shipped.Config(n), [], files))}");
        Console.WriteLine($"train one with: redo train <name> [--set Section:Key=value …] [--out folder]   ({names.Count} configs; `redo config show <name>` prints one)");
        return 0;
    }

    public int Show(string nameOrPath)
    {
        var path = ShippedFiles.Installed(files).Config(nameOrPath);
        if (!files.Exists(path)) throw new CliError($"no config '{nameOrPath}'; redo config list names the shipped ones.");
        Console.Write(files.ReadAllText(path));
        return 0;
    }
}
