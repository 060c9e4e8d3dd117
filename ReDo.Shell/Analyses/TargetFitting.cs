using ReDo.Pure;
using ReDo.MinAtar.Random;
using System.Diagnostics;
using ReDo.Pure.Analyses;
using ReDo.Pure.Config;
using ReDo.Shell.Agents;
using ReDo.Shell.Networks;
using ReDo.Shell.Optimizers;
using ReDo.Shell.Rendering;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Shell.Analyses;

/// <summary>What <c>redo analyze fit-targets</c> measured and wrote.</summary>
public sealed record FitResult(string TeacherCheckpoint, string StudentCheckpoint, double Tau, IReadOnlyList<RegressionPoint> Points, IReadOnlyList<string> Files);

/// <summary>
/// Paper §3, Fig. 8: can a network that went through training still fit new targets? A trained
/// ("teacher") network's Q values on states from its replay are regressed (mean squared error over all
/// actions) for a fixed number of gradient steps, starting (a) from a network taken mid-training from
/// another run (the paper: a high-replay-ratio run, many dormant neurons) and (b) from a fresh
/// initialisation. Both see the same batches, use the student run's optimizer settings with fresh
/// moments, and are scored on the same probe batch.
/// </summary>
public static class TargetFitting
{
    public const string Pretrained = "pretrained", Fresh = "fresh init";

    public static FitResult Run(string teacherFolder, long? teacherFrames, string studentFolder, long? studentFrames, long steps, long logEvery,
        double? tau, int probeSize, uint seed, string outFolder, TextWriter progress)
    {
        using var teacher = TrainedRun.Load(teacherFolder, teacherFrames);
        long studentAt = studentFrames ?? TrainedRun.NearestCheckpoint(studentFolder, 0.5);
        using var student = TrainedRun.Load(studentFolder, studentAt);
        var spec = teacher.Agent.Spec;
        if (!SameShape(spec, student.Agent.Spec))
            throw new ConfigException($"the teacher ({teacher.Name}: {Describe(spec)}) and the student ({student.Name}: {Describe(student.Agent.Spec)}) must have the same network; pick runs of the same game and Agent:Network.");
        double t = tau ?? student.Config.Redo.Tau;
        using var probe = teacher.SampleStates(probeSize, seed);
        progress.WriteLine($"fitting {teacher.Name} ({teacher.Checkpoint}) on its replay, {steps:N0} steps from {student.Name} ({student.Checkpoint}) and from a fresh network; τ = {t}");

        var points = new List<RegressionPoint>();
        var csv = Path.Combine(outFolder, "fit-targets.csv");
        Directory.CreateDirectory(outFolder);
        File.WriteAllText(csv, RegressionCurves.Header);
        var clock = Stopwatch.StartNew();
        long done = 0;
        using var generator = new Generator(seed, CPU);
        foreach (var condition in new[] { Pretrained, Fresh })
        {
            using var net = AgentNetworks.Build(spec, generator);
            if (condition == Pretrained) AgentNetworks.CopyInto(student.Agent.Online, net);
            using var optimizer = AgentNetworks.Optimizer(net, student.Config.Agent);
            using var batches = new ReplayBatches(teacher.Agent.Replay, spec, teacher.Config.Agent, new RandomState(seed + 1));
            points.AddRange(FixedDataTraining.Run(condition, net, step => FitStep(net, teacher.Agent.Online, optimizer, batches.Next().States), probe, t, steps, logEvery, p =>
            {
                File.AppendAllText(csv, RegressionCurves.Line(p));
                done = (condition == Pretrained ? 0 : steps) + p.Step;
                progress.WriteLine(FixedDataTraining.ProgressLine(p, done, 2 * steps, clock.Elapsed.TotalSeconds, t));
            }));
        }
        var title = $"fitting {teacher.Name}'s Q values";
        var files = new List<string>
        {
            csv,
            RunPlots.Save(RegressionCurves.Loss($"{title}: loss (mean squared error)", points), Path.Combine(outFolder, "fit-targets-loss.png")),
            RunPlots.Save(RegressionCurves.Dormant($"{title}: dormant neurons", points, t), Path.Combine(outFolder, "fit-targets-dormant.png")),
        };
        return new FitResult(teacher.Checkpoint, student.Checkpoint, t, points, files);
    }

    /// <summary>One step of mean squared error between the student's and the teacher's Q values over all actions.</summary>
    public static float FitStep(IRecyclableNetwork student, IRecyclableNetwork teacher, FlatOptimizer optimizer, Tensor states)
    {
        using var scope = NewDisposeScope();
        Tensor y;
        using (no_grad()) y = teacher.Forward(states);
        var loss = nn.functional.mse_loss(student.Forward(states), y);
        optimizer.ZeroGrad();
        loss.backward();
        optimizer.Step();
        return loss.item<float>();
    }

    static bool SameShape(Pure.Networks.NetworkSpec a, Pure.Networks.NetworkSpec b) =>
        a.Input.Shape.SequenceEqual(b.Input.Shape) && a.Layers.Count == b.Layers.Count
        && a.Layers.Zip(b.Layers).All(p => p.First.Name == p.Second.Name && p.First.Neurons == p.Second.Neurons);

    static string Describe(Pure.Networks.NetworkSpec s) =>
        $"input {string.Join("×", s.Input.Shape)}, layers {string.Join(" ", s.Layers.Select(l => $"{l.Name}:{l.Neurons}"))}";
}
