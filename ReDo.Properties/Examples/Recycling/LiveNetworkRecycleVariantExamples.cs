using ReDo.Pure.Config;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using ReDo.Pure.Recycling.Variants;
using ReDo.Shell.Agents;
using ReDo.Shell.Config;
using ReDo.Recycling.Networks;
using ReDo.Recycling;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using Xunit;
using static TorchSharp.torch;

namespace ReDo.Properties.Examples.Recycling;

/// <summary>
/// The recycle variants (docs/specs/redo-algorithm.md §2.3) applied to a real MinAtar network by the shell, and run
/// end to end through the config keys of `redo train` (docs/configuration.md).
/// </summary>
public class LiveNetworkRecycleVariantExamples
{
    static (SpecNetwork Net, Generator Generator, Tensor Probe) Network(int seed = 3)
    {
        var generator = new Generator((ulong)seed, CPU);
        var net = AgentNetworks.Build(NetworkCatalog.MinAtarDqn(4, 6), generator);
        var probe = rand(new long[] { 32, 4, 10, 10 }, generator: generator);
        return (net, generator, probe);
    }

    static float[] Values(Tensor t) => t.detach().contiguous().data<float>().ToArray();

    static RecycleSettings Scheduled(ScoreType type, double rate = 0.1) => new(0.1, Scheduled: new ScheduledSelection(type, new ScheduledFraction(rate, 10_000), 7));

    /// <summary>f = 0.1 at step 0: Conv_0 (16) recycles round(1.6) = 2 plus ties, Dense_0 (128) round(12.8) = 13 plus ties, the lowest Eq. 1 scores; nothing else moves.</summary>
    [Fact]
    public void Scheduled_fraction_recycles_the_lowest_scores_of_each_layer()
    {
        var (net, generator, probe) = Network();
        using (net) using (generator) using (probe)
        {
            var before = net.Spec.Layers.ToDictionary(l => l.Name, l => Values(net.Weight(l.Name)));
            var result = DormantNeuronRecycler.Recycle(net, OptimizerMoments.None, probe, Scheduled(ScoreType.Redo), generator, gradientStep: 0);
            foreach (var layer in net.Spec.RecyclableLayers)
            {
                var expected = FractionSelection.Lowest(result.Dormancy.For(layer.Name).Scores, 0.1);
                Assert.Equal(expected, result.Plan.For(layer.Name)!.Neurons);
                Assert.True(expected.Count >= (layer.Name == "Conv_0" ? 2 : 13));
                var after = Values(net.Weight(layer.Name));
                for (int j = 0; j < layer.Neurons; j++)
                {
                    var row = Enumerable.Range(j * layer.FanIn, layer.FanIn);
                    if (!expected.Contains(j) && layer.Name == "Conv_0") Assert.All(row, i => Assert.Equal(before[layer.Name][i], after[i]));   // kept filters untouched
                    if (expected.Contains(j)) Assert.Contains(row, i => after[i] != before[layer.Name][i]);                                      // recycled rows redrawn
                }
            }
            var late = DormantNeuronRecycler.Recycle(net, OptimizerMoments.None, probe, Scheduled(ScoreType.Redo), generator, gradientStep: 10_000);
            Assert.True(late.Plan.IsEmpty, "f = 0 from the schedule's end on");
        }
    }

    [Fact]
    public void Inverted_fraction_recycles_the_most_active_neurons()
    {
        var (net, generator, probe) = Network();
        using (net) using (generator) using (probe)
        {
            var result = DormantNeuronRecycler.Recycle(net, OptimizerMoments.None, probe, Scheduled(ScoreType.RedoInverted), generator);
            foreach (var layer in net.Spec.RecyclableLayers)
            {
                var scores = result.Dormancy.For(layer.Name).Scores;
                var picked = result.Plan.For(layer.Name)!.Neurons;
                var left = Enumerable.Range(0, scores.Count).Except(picked).ToList();
                Assert.True(picked.Min(i => scores[i]) > left.Max(i => scores[i]));
            }
        }
    }

    /// <summary>CBP ranks by mean|a − mean a| × Σ|out| / Σ|in|, recomputed here from the network's own tensors.</summary>
    [Fact]
    public void Cbp_fraction_recycles_the_lowest_utilities()
    {
        var (net, generator, probe) = Network();
        using (net) using (generator) using (probe)
        {
            // u = mean|a − mean a| × Σ|out| / Σ|in|, in doubles from the raw tensors.
            static double[] Data(Tensor t) => t.detach().contiguous().to(ScalarType.Float64).data<double>().ToArray();
            IReadOnlyList<double> Utility(string layer, Tensor activation, long[] dims, double[] outgoing)
            {
                var centred = Data(activation.sub(activation.mean(dims, keepdim: true)).abs().mean(dims));
                var incoming = Data(net.Weight(layer).abs().flatten(1).sum(1));
                return centred.Select((c, j) => c * outgoing[j] / incoming[j]).ToList();
            }
            // Cut the outgoing weights of the most active neurons (2 Conv_0 channels, 13 Dense_0 units): their
            // utility drops to 0, so CBP must recycle them where ReDo's score would keep them.
            var cut = new Dictionary<string, int[]>();
            using (var scope = NewDisposeScope())
            using (no_grad())
            {
                var captured = new Dictionary<string, Tensor>();
                net.ForwardCapturing(probe, captured);
                int[] MostActive(string layer, long[] dims, int k) =>
                    Data(captured[layer].abs().mean(dims)).Select((v, j) => (v, j)).OrderByDescending(x => x.v).Take(k).Select(x => x.j).ToArray();
                cut["Conv_0"] = MostActive("Conv_0", [0, 2, 3], 2);
                cut["Dense_0"] = MostActive("Dense_0", [0], 13);
                var dense = net.Weight("Dense_0");
                foreach (var c in cut["Conv_0"]) dense.narrow(1, c * 64, 64).zero_();
                foreach (var j in cut["Dense_0"]) net.Weight("final_layer").narrow(1, j, 1).zero_();
            }
            Dictionary<string, IReadOnlyList<double>> expected;
            using (var scope = NewDisposeScope())
            using (no_grad())
            {
                var captured = new Dictionary<string, Tensor>();
                net.ForwardCapturing(probe, captured);
                var denseColumns = Data(net.Weight("Dense_0").abs().sum(new long[] { 0 }));
                expected = new()
                {
                    // NCHW flatten: channel c owns Dense_0's columns c·64 … c·64 + 63
                    ["Conv_0"] = Utility("Conv_0", captured["Conv_0"], [0, 2, 3], Enumerable.Range(0, 16).Select(c => denseColumns.Skip(c * 64).Take(64).Sum()).ToArray()),
                    ["Dense_0"] = Utility("Dense_0", captured["Dense_0"], [0], Data(net.Weight("final_layer").abs().sum(new long[] { 0 }))),
                };
            }
            var result = DormantNeuronRecycler.Recycle(net, OptimizerMoments.None, probe, Scheduled(ScoreType.Cbp), generator);
            foreach (var layer in net.Spec.RecyclableLayers)
            {
                var u = expected[layer.Name];
                var picked = result.Plan.For(layer.Name)!.Neurons;
                Assert.True(picked.Count >= FractionSelection.Count(layer.Neurons, 0.1));   // k, plus ties (dead neurons all score 0)
                Assert.Subset(picked.ToHashSet(), cut[layer.Name].ToHashSet());
                var left = Enumerable.Range(0, u.Count).Except(picked).ToList();
                Assert.True(picked.Max(i => u[i]) <= left.Min(i => u[i]) * (1 + 1e-5), $"{layer.Name}: a kept neuron is less useful than a recycled one");
            }
        }
    }

    /// <summary>
    /// Weight scaling: every recycled neuron's fresh incoming vector gets the mean L2 norm the layer's kept
    /// neurons have. Checked on the draws (a recycled Dense_0 row then loses the columns of recycled
    /// Conv_0 channels, as in the reference's phase order) and on the live Conv_0 after the recycle.
    /// </summary>
    [Fact]
    public void Weight_scaling_gives_recycled_vectors_the_mean_norm_of_the_kept_ones()
    {
        var (net, generator, probe) = Network();
        using (net) using (generator) using (probe)
        {
            var before = net.Spec.RecyclableLayers.ToDictionary(l => l.Name, l => WeightAbsSumsTestHelper.RowNorms(net.Weight(l.Name)));
            var plan = RecyclePlanner.FromNeurons(net.Spec, new Dictionary<string, IReadOnlyCollection<int>> { ["Conv_0"] = [0, 5, 6], ["Dense_0"] = [1, 2, 3, 100, 127] });
            double Target(string layer) => Enumerable.Range(0, net.Spec.Layer(layer).Neurons).Except(plan.For(layer)!.Neurons).Average(j => before[layer][j]);
            using (var draws = TensorDraws.For(net.Spec, plan, RecycleOptions.Reference, generator, CPU))
            {
                var drawn = plan.Layers.ToDictionary(l => l.Layer, l => WeightAbsSumsTestHelper.RowNorms(draws.Incoming[l.Layer]));
                Assert.Contains(plan.For("Dense_0")!.Neurons, j => Math.Abs(drawn["Dense_0"][j] - Target("Dense_0")) > 1e-3 * Target("Dense_0"));   // unscaled draws miss it
                IncomingWeightScaling.Apply(net, plan, draws);
                foreach (var lr in plan.Layers)
                {
                    var scaled = WeightAbsSumsTestHelper.RowNorms(draws.Incoming[lr.Layer]);
                    Assert.All(lr.Neurons, j => Assert.InRange(scaled[j], Target(lr.Layer) * (1 - 1e-5), Target(lr.Layer) * (1 + 1e-5)));
                }
            }
            var result = DormantNeuronRecycler.Recycle(net, OptimizerMoments.None, probe, Scheduled(ScoreType.Redo, rate: 0.25) with { WeightScaling = true }, generator);
            var conv = result.Plan.For("Conv_0")!.Neurons;
            var target = Enumerable.Range(0, 16).Except(conv).Average(j => before["Conv_0"][j]);
            var after = WeightAbsSumsTestHelper.RowNorms(net.Weight("Conv_0"));
            Assert.All(conv, j => Assert.InRange(after[j], target * (1 - 1e-5), target * (1 + 1e-5)));
        }
    }

    /// <summary>Outgoing random: a recycled Dense_0 neuron's column in final_layer is redrawn, not zeroed.</summary>
    [Fact]
    public void Outgoing_random_redraws_the_outgoing_columns()
    {
        var (net, generator, probe) = Network();
        using (net) using (generator) using (probe)
        {
            var before = Values(net.Weight("final_layer"));
            var settings = Scheduled(ScoreType.Redo) with { Options = RecycleOptions.Reference with { Outgoing = OutgoingInit.Random } };
            var result = DormantNeuronRecycler.Recycle(net, OptimizerMoments.None, probe, settings, generator);
            var after = Values(net.Weight("final_layer"));
            foreach (var c in result.Plan.For("Dense_0")!.Neurons)
                for (int o = 0; o < 6; o++)
                {
                    Assert.NotEqual(0f, after[o * 128 + c]);
                    Assert.NotEqual(before[o * 128 + c], after[o * 128 + c]);
                }
        }
    }

    /// <summary>
    /// Every variant through `redo train`'s config keys on a real run: it validates, trains, and recycles
    /// (the scheduled ones at least k per layer at every recycle step); width × 2 doubles the network.
    /// </summary>
    [Theory]
    [InlineData("fraction-redo", new[] { "Redo:Selection=fraction", "Redo:ScoreType=redo" })]
    [InlineData("fraction-random", new[] { "Redo:Selection=fraction", "Redo:ScoreType=random" })]
    [InlineData("fraction-inverted", new[] { "Redo:Selection=fraction", "Redo:ScoreType=redo_inverted" })]
    [InlineData("fraction-cbp", new[] { "Redo:Selection=fraction", "Redo:ScoreType=cbp" })]
    [InlineData("outgoing-random", new[] { "Redo:Outgoing=random", "Redo:Tau=0.5" })]
    [InlineData("weight-scaling", new[] { "Redo:WeightScaling=true", "Redo:Tau=0.5" })]
    [InlineData("width2", new[] { "Agent:WidthMultiplier=2", "Redo:Tau=0.5" })]
    public void Each_variant_runs_in_redo_train_through_its_config_keys(string name, string[] set)
    {
        string[] tiny = ["Run:Frames=700", "Run:LogEvery=100", "Run:EvalEpisodes=0", "Run:CheckpointEvery=0", "Agent:MinReplayHistory=300",
            "Agent:ReplayCapacity=1000", "Redo:Enabled=true", "Redo:Period=100", "Redo:ProbeSize=32", "Redo:LogPeriod=100", "Redo:EndStep=700", "Redo:RecycleRate=0.1"];
        var config = ConfigLoader.Load(Path.Combine(RepoRoot.Find(), "configs", "minatar-breakout-dqn.json"), [.. tiny, .. set], TestDisk.Files);
        Assert.Empty(ConfigValidation.Validate(config));
        var folder = Path.Combine(Path.GetTempPath(), $"redo-variant-{name}-{Guid.NewGuid():N}");
        try
        {
            Runner.TrainNew(config, folder, TestDisk.Files, TextWriter.Null);
            var rows = File.ReadAllLines(Path.Combine(folder, RunLayout.Metrics));
            int column = Array.IndexOf(rows[0].Split(','), "neurons_recycled");
            long recycled = rows.Skip(1).Sum(r => long.Parse(r.Split(',')[column]));
            Assert.True(recycled > 0, $"{name}: nothing recycled");
            if (config.Dqn.Redo.Selection == RecycleSelection.Fraction)
            {
                // updates from step 300 (after 300 warm-up frames): recycles at gradient steps 300, 400, 500, 600 (< EndStep 700), each ≥ k(f) per layer
                var schedule = new ScheduledFraction(0.1, 700);
                long least = Enumerable.Range(3, 4).Sum(i => FractionSelection.Count(16, schedule.At(i * 100)) + FractionSelection.Count(128, schedule.At(i * 100)));
                Assert.True(recycled >= least, $"{name}: {recycled} recycled, at least {least} expected");
                if (config.Dqn.Redo.ScoreType == ScoreType.RedoInverted) Assert.Equal(least, recycled);   // the most active neurons do not tie: exactly k per layer
            }
            if (config.Dqn.WidthMultiplier == 2)
                using (var agent = new DqnAgent(config, 4, 6))
                    Assert.Equal([32, 256], agent.Spec.RecyclableLayers.Select(l => l.Neurons));
        }
        finally { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
    }

    /// <summary>The Redo keys reach the recycler's settings (what `redo train` hands DormantNeuronRecycler).</summary>
    [Fact]
    public void The_config_keys_become_the_recycle_settings()
    {
        var s = RecycleSettings.From(new RedoSettings { Tau = 0.3, EndStep = 700 },
            new DqnRedoSettings { Selection = RecycleSelection.Fraction, ScoreType = ScoreType.Cbp, RecycleRate = 0.2, Outgoing = OutgoingInit.Random, WeightScaling = true, Mapping = FlattenMapping.DopamineCompat }, seed: 5);
        Assert.Equal((0.3, FlattenMapping.DopamineCompat, OutgoingInit.Random, true), (s.Tau, s.Mapping, s.EffectiveOptions.Outgoing, s.WeightScaling));
        Assert.Equal(new ScheduledSelection(ScoreType.Cbp, new ScheduledFraction(0.2, 700), 5), s.Scheduled);
        var reference = RecycleSettings.From(new RedoSettings(), new DqnRedoSettings(), seed: 5);
        Assert.Equal((null, false, OutgoingInit.Zero), (reference.Scheduled, reference.WeightScaling, reference.EffectiveOptions.Outgoing));
    }

    [Fact]
    public void Fraction_selection_without_an_end_step_is_refused_with_the_fix()
    {
        var errors = ConfigValidation.Validate(new ExperimentConfig { Redo = new RedoSettings { Enabled = true }, Agent = new DqnSettings { Redo = new() { Selection = RecycleSelection.Fraction } } });
        Assert.Contains(errors, e => e.StartsWith("Redo:EndStep") && e.Contains("Run:Frames × Agent:ReplayRatio"));
    }
}

/// <summary>L2 norm of every row of a kernel (conv: of every filter), computed in doubles on the host, apart from the code under test.</summary>
static class WeightAbsSumsTestHelper
{
    public static double[] RowNorms(Tensor weight)
    {
        var values = weight.detach().contiguous().data<float>().ToArray();
        int rows = (int)weight.shape[0], width = values.Length / rows;
        return Enumerable.Range(0, rows).Select(j => Math.Sqrt(values.Skip(j * width).Take(width).Sum(v => (double)v * v))).ToArray();
    }
}
