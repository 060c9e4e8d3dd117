using ReDo.MinAtar;
using ReDo.NumPyRandom;
using ReDo.Pure.Agents;
using ReDo.Pure.Dormancy;
using ReDo.Shell.Environments;
using ReDo.Recycling;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using ReDo.Shell.Agents;
using ReDo.Recycling.Networks;
using Xunit;
using static TorchSharp.torch;

namespace ReDo.Properties.Examples.Agents;

/// <summary>DrQ(ε)'s pieces (docs/drq.md) on hand-worked numbers: the random shift and intensity factors, double DQN targets, the dueling MinAtar network (the augmentation's laws: Laws/Agents/DrqLaws).</summary>
public class DrqExamples
{
    [Fact]
    public void A_hand_worked_shift_replicates_the_edge()
    {
        float[] input = [1, 2, 3, 4, 5, 6, 7, 8, 9];   // 3×3
        var output = new float[9];
        ShiftAugmentation.Crop(input, 1, 3, 3, 0, 0, output);   // content moves down-right by one
        Assert.Equal([1, 1, 2, 1, 1, 2, 4, 4, 5], output);
        ShiftAugmentation.Crop(input, 1, 3, 3, 2, 1, output);   // up by one, no horizontal shift
        Assert.Equal([4, 5, 6, 7, 8, 9, 7, 8, 9], output);
        Assert.Throws<ArgumentOutOfRangeException>(() => ShiftAugmentation.Crop(input, 1, 3, 3, 3, 0, output));
    }

    [Fact]
    public void Intensity_factors_have_the_reference_spread()
    {
        var random = new RandomState(7);
        var f = Enumerable.Range(0, 20_000).Select(_ => IntensityNoise.Factor(IntensityNoise.ReferenceScale, random.Rand(), random.Rand())).ToArray();
        double mean = f.Average(), sd = Math.Sqrt(f.Select(v => (v - mean) * (v - mean)).Average());
        Assert.InRange(mean, 0.999, 1.001);
        Assert.InRange(sd, 0.0472, 0.0488);   // 0.05 · sd(clip(N(0,1), ±2)) = 0.05 · 0.9595 = 0.0480; ± 3 standard errors at 20,000 draws
        Assert.Equal(0.9, f.Min(), 12);   // ≈ 4.6 % of draws are clipped at each end's ±2
        Assert.Equal(1.1, f.Max(), 12);
        Assert.Equal(1.0, IntensityNoise.Factor(0.05, 0.0, 0.25), 12);   // z = 0 at u1 = 0
    }

    [Fact]
    public void Double_dqn_takes_the_action_from_the_online_network_and_the_value_from_the_target()
    {
        using var scope = NewDisposeScope();
        var online = tensor(new float[] { 1, 3, 2, 5, 0, 4 }).reshape(2, 3);
        var target = tensor(new float[] { 10, 20, 30, 7, 8, 9 }).reshape(2, 3);
        Assert.Equal([20f, 7f], QLearningUpdate.DoubleDqnValues(online, target).data<float>().ToArray());
        Assert.Equal([30f, 9f], target.max(1).values.data<float>().ToArray());   // plain DQN would take these
    }

    [Fact]
    public void Minatar_dueling_network_removes_the_mean_advantage()
    {
        var spec = NetworkCatalog.MinAtarDueling(4, 3);
        Assert.Empty(NetworkGeometry.Validate(spec));
        using var net = new SpecNetwork(spec);
        using (no_grad())
        {
            foreach (var l in spec.Layers) { net.Weight(l.Name).zero_(); net.Bias(l.Name).zero_(); }
            net.Bias("Advantage").copy_(tensor(new float[] { 1, 2, 6 }));
            net.Bias("Value").copy_(tensor(new float[] { 10 }));
        }
        using var x = ones(2, 4, 10, 10);
        using var q = net.Forward(x);
        Assert.Equal([8f, 9f, 13f, 8f, 9f, 13f], q.data<float>().ToArray());   // 10 + a − mean(1, 2, 6) = 10 + a − 3
    }

    [Fact]
    public void Minatar_dueling_recycling_zeroes_dense_0_outgoing_in_both_heads_and_never_recycles_a_head()
    {
        var spec = NetworkCatalog.MinAtarDueling(4, 5);
        var plan = RecyclePlanner.FromNeurons(spec, new Dictionary<string, IReadOnlyCollection<int>> { ["Dense_0"] = [0, 127] }, FlattenMapping.ChannelsFirst);
        Assert.Equal(["Advantage", "Value"], plan.For("Dense_0")!.Outgoing.Select(s => s.Consumer).Order());
        Assert.All(plan.For("Dense_0")!.Outgoing, s => Assert.Equal([0, 127], s.Columns));
        Assert.Equal(["Conv_0", "Dense_0"], spec.RecyclableLayers.Select(l => l.Name));
    }
    /// <summary>
    /// docs/specs/redo-algorithm.md §1.4: DrQ(ε)'s reference scores both dueling heads and counts them in the logged dormant %,
    /// recycles only the torso, and zeroes a recycled Dense_0 neuron's outgoing weights in both heads.
    /// Red if a head were left out of the % (148 neurons would be 144) or recycled (its row would change).
    /// </summary>
    [Fact]
    public void Both_dueling_heads_are_counted_in_the_dormant_percentage_but_never_recycled()
    {
        var spec = NetworkCatalog.MinAtarDueling(4, 3);
        Assert.Equal(["Conv_0", "Dense_0", "Advantage", "Value"], spec.ScoredLayers.Select(l => l.Name));
        Assert.Equal(["Conv_0", "Dense_0"], NetworkCatalog.MinAtarDqn(4, 3).ScoredLayers.Select(l => l.Name));   // a single head is not counted (reference: final_layer skipped)

        using var generator = new TorchSharp.torch.Generator(11, CPU);
        using var net = AgentNetworks.Build(spec, generator);
        using (no_grad())
        {
            net.Weight("Advantage")[2].zero_();   // advantage output 2 is always 0: dormant at τ = 0
            net.Bias("Advantage")[2].zero_();
            net.Weight("Dense_0")[5].zero_();     // Dense_0 neuron 5 is dead: recycled
            net.Bias("Dense_0")[5].zero_();
        }
        float[] Values(string layer) => net.Weight(layer).data<float>().ToArray();
        var (advantageBefore, valueBefore, advantageBias) = (Values("Advantage"), Values("Value"), net.Bias("Advantage").data<float>().ToArray());
        using var probe = rand(new long[] { 16, 4, 10, 10 }, generator: generator);

        var logged = DormancyReport.Assess(spec, ActivationProbe.Measure(net, probe), 0);
        Assert.Equal(16 + 128 + 3 + 1, logged.Neurons);
        Assert.Contains(2, logged.For("Advantage").DormantNeurons);
        Assert.Equal(logged.Layers.Sum(l => l.DormantCount), logged.DormantCount);

        var result = DormantNeuronRecycler.Recycle(net, OptimizerMoments.None, probe, new RecycleSettings(0), generator);
        Assert.Equal(logged.Neurons, result.Dormancy.Neurons);
        Assert.DoesNotContain(result.Plan.Layers, l => l.Layer is "Advantage" or "Value");
        Assert.Contains(5, result.Plan.For("Dense_0")!.Neurons);
        var recycled = result.Plan.For("Dense_0")!.Neurons.ToHashSet();
        foreach (var (head, before, actions) in new[] { ("Advantage", advantageBefore, 3), ("Value", valueBefore, 1) })
        {
            var after = Values(head);
            for (int o = 0; o < actions; o++)
                for (int c = 0; c < 128; c++)
                    Assert.Equal(recycled.Contains(c) ? 0f : before[o * 128 + c], after[o * 128 + c]);
        }
        Assert.Equal(advantageBias, net.Bias("Advantage").data<float>().ToArray());
    }

    /// <summary>
    /// docs/specs/redo-algorithm.md §1.5: the probe batch is a plain replay sample, never augmented. Every batch of the probe's
    /// size that reaches Conv_0 of a DrQ(ε) agent (Agent:Augment = shift, logging and recycling on) must
    /// be made of observations the environment produced; the training batches, shifted, must not all be
    /// (so the check can see a shift). Red if the shift were applied to the probe.
    /// </summary>
    [Fact]
    public void The_probe_batch_is_never_augmented()
    {
        const int probeSize = 20;
        var config = TinyRuns.DrqConfig(700) with { Redo = TinyRuns.DrqConfig().Redo with { LogPeriod = 25, Period = 100 } };
        config = config with { Agent = config.Dqn with { Redo = config.Dqn.Redo with { ProbeSize = probeSize } } };
        var env = MinAtarEnvironment.Create(config.Run.Game.MinAtarGame, (uint)config.Run.Seed, EnvironmentOptions.From(config.Dqn.Env));
        using var agent = new DqnAgent(config, env.Channels, env.ActionCount);
        var observed = new HashSet<string>();
        var (probeSamples, trainingSamples, unobservedTraining) = (0, 0, 0);
        int sample = ObservationLayout.FloatCount(env.Channels);
        var conv = (TorchSharp.torch.nn.Module<Tensor, Tensor>)agent.Online.named_children().Single(c => c.name == "Conv_0").module;
        var hook = conv.register_forward_pre_hook((_, input) =>
        {
            var values = input.data<float>().ToArray();
            int batch = (int)input.shape[0];
            for (int b = 0; b < batch; b++)
            {
                var key = string.Concat(values.AsSpan(b * sample, sample).ToArray().Select(v => v > 0 ? '1' : '0'));
                if (batch == probeSize) { probeSamples++; Assert.Contains(key, observed); }
                else if (batch == config.Dqn.BatchSize) { trainingSamples++; if (!observed.Contains(key)) unobservedTraining++; }
            }
            return null!;   // input unchanged
        });
        var observation = new float[sample];
        var bits = new byte[ObservationLayout.ByteCount(env.Channels)];
        env.Reset();
        for (long frame = 0; frame < config.Run.Frames; frame++)
        {
            env.WriteObservation(observation);
            env.WriteObservationBits(bits);
            observed.Add(string.Concat(observation.Select(v => v > 0 ? '1' : '0')));
            int action = agent.Act(observation);
            var result = env.Act(action);
            var planes = (float[])observation.Clone();
            agent.Step(new Transition<MinAtarObservation, int>(new MinAtarObservation(planes, (byte[])bits.Clone()), action, result.Reward, result.Terminal, false, new MinAtarObservation(planes, bits)));
            if (result.Terminal) env.Reset();
        }
        hook.remove();
        Assert.True(probeSamples >= 10 * probeSize, $"only {probeSamples} probe samples reached the network");
        Assert.True(unobservedTraining > 0, $"none of {trainingSamples} training samples was shifted off the observed frames");
    }
}
