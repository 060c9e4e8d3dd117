using ReDo.NumPyRandom;
using ReDo.Pure;
using ReDo.Pure.Analyses;
using ReDo.Shell.Agents;
using ReDo.Recycling.Networks;
using ReDo.Recycling.Optimizers;
using static TorchSharp.torch;
using ReDo.Shell.Files;

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

    public static FitResult Run(IRunFiles files, string teacherFolder, long? teacherFrames, string studentFolder, long? studentFrames, long steps, long logEvery,
        double? tau, int probeSize, uint seed, string outFolder, TextWriter progress)
    {
        using var teacher = TrainedRun.Load(files, teacherFolder, teacherFrames);
        long studentAt = studentFrames ?? TrainedRun.NearestCheckpoint(files, studentFolder, 0.5);
        using var student = TrainedRun.Load(files, studentFolder, studentAt);
        var spec = teacher.Agent.Spec;
        if (!SameShape(spec, student.Agent.Spec))
            throw new ConfigException($"the teacher ({teacher.Name}: {Describe(spec)}) and the student ({student.Name}: {Describe(student.Agent.Spec)}) must have the same network; pick runs of the same game and Agent:Network.");
        double t = tau ?? student.Config.Redo.Tau;
        using var probe = teacher.SampleStates(probeSize, seed);
        progress.WriteLine($"fitting {teacher.Name} ({teacher.Checkpoint}) on its replay, {steps:N0} steps from {student.Name} ({student.Checkpoint}) and from a fresh network; τ = {t}");

        using var generator = new Generator(seed, CPU);   // one generator: the fresh network is drawn after the (overwritten) pretrained one
        FixedDataCondition Start(string condition, ConditionScope scope)
        {
            var net = scope.Own(AgentNetworks.Build(spec, generator));
            if (condition == Pretrained) AgentNetworks.CopyInto(student.Agent.Online, net);
            var optimizer = scope.Own(AgentNetworks.Optimizer(net, student.Config.Dqn));
            var batches = scope.Own(new ReplayBatches(teacher.Agent.Replay, spec, teacher.Config.Dqn, new RandomState(seed + 1)));
            return new FixedDataCondition(net, _ => FitStep(net, teacher.Agent.Online, optimizer, batches.Next().States));
        }
        var (points, written) = FixedDataTraining.Compare(files, [Pretrained, Fresh], Start, probe, t, steps, logEvery,
            new FixedDataOutput(outFolder, "fit-targets", $"fitting {teacher.Name}'s Q values", "loss (mean squared error)"), progress);
        return new FitResult(teacher.Checkpoint, student.Checkpoint, t, points, written);
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
