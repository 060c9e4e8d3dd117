using System.Globalization;
using ReDo.Pure.Control;
using Xunit;

namespace ReDo.Properties.Integration.MuJoCo;

/// <summary>
/// <c>redo bench mujoco</c> prints, in one run, one row per task with the raw mj_step rate, our
/// environment's steps/s, the overhead ratio and SAC updates/s on that task (a tiny setting: this
/// checks the table, not the speed, which benchmarks measure and never tests).
/// </summary>
public class MuJoCoBenchmarkTests
{
    [MuJoCoFact]
    public void Bench_mujoco_prints_raw_env_and_sac_rates_side_by_side_for_every_task()
    {
        using var bench = RedoProcess.Start("bench", "mujoco", "--seconds", "0.05", "--updates", "2", "--width", "0.0625");
        Assert.Equal(0, bench.WaitForExit(TimeSpan.FromMinutes(3)));
        var lines = bench.Output.Replace("\r", "").Split('\n');
        Assert.Contains(lines, l => l.Contains("mj_step/s") && l.Contains("env steps/s") && l.Contains("SAC updates/s"));
        foreach (var task in ControlTasks.All)
        {
            var row = lines.Single(l => l.StartsWith(task.Id.ToString() + " "));
            if (row.Contains("skipped")) continue;   // Humanoid without libmujoco-samples
            var numbers = row[task.Id.ToString().Length..].Replace("×", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(f => double.Parse(f, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(6, numbers.Length);                           // mj_step/s, frame skip, env steps/s, overhead, updates/s, ms/update
            Assert.Equal(task.FrameSkip, numbers[1]);
            Assert.All(numbers, x => Assert.True(x > 0, row));
            // The overhead as printed: 2 decimals (± 0.005), computed from rates that are themselves printed
            // as whole numbers (each ± 0.5, which at a few hundred steps/s on a busy machine moves the ratio
            // by more than the last decimal), so the tolerance carries both roundings.
            double overhead = numbers[0] / task.FrameSkip / numbers[2];
            double tolerance = 0.005 + overhead * (0.5 / numbers[0] + 0.5 / numbers[2]) + 1e-9;
            Assert.True(Math.Abs(overhead - numbers[3]) <= tolerance, $"{row}: overhead {numbers[3]} printed, {overhead:F4} from the rates (± {tolerance:F4})");
        }
    }
}
