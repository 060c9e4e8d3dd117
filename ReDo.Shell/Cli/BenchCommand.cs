namespace ReDo.Shell.Cli;

/// <summary><c>redo bench &lt;name&gt;</c>: runs one registered benchmark, which prints its figures.</summary>
public sealed class BenchCommand(IEnumerable<IBenchmark> benchmarks) : ICommand
{
    readonly IReadOnlyList<IBenchmark> _benchmarks = benchmarks.OrderBy(b => b.Name, StringComparer.Ordinal).ToList();

    public string Name => "bench";
    public string Summary => "benchmarks that print figures: " + string.Join(", ", _benchmarks.Select(b => b.Name));

    public int Run(IReadOnlyList<string> args)
    {
        var bench = args.Count == 0 ? null : _benchmarks.FirstOrDefault(b => b.Name == args[0]);
        if (bench is null)
            throw new CliError($"name a benchmark: {string.Join(", ", _benchmarks.Select(b => $"'{b.Name}' ({b.Summary})"))}.");
        return bench.Run(args.Skip(1).ToList());
    }
}
