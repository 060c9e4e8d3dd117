using ReDo.NumPyRandom;
using ReDo.Pure.Agents;
using ReDo.Pure.Config;
using ReDo.Shell.Agents.Sac;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ReDo.Properties.Examples.Sac;

/// <summary>SAC: the squashed Gaussian, the temperature, the soft update, and learning on a cart-pole.</summary>
public class SacExamples
{
    static SacSettings Small => new() { WidthMultiplier = 0.125, BatchSize = 32, ReplayCapacity = 1000, InitialRandomSteps = 0 };

    [Fact]
    public void The_squashed_gaussian_log_probability_matches_a_hand_computed_example()
    {
        // Row: μ = (0.5, 0), log σ = (ln 0.5, 0), u = (1, −0.5).
        // dim 1: z = 1 → −½ − ln 0.5 − ½ ln 2π = −0.7257914; − ln(1 − tanh²1) = − ln 0.4199743 = +0.8675617 → 0.1417703
        // dim 2: z = −0.5 → −0.125 − ½ ln 2π = −1.0439385; − ln(1 − tanh²0.5) = − ln 0.7864477 = +0.2402290 → −0.8037095
        using var g = new SquashedGaussian();
        using var mean = tensor(new[] { 0.5, 0.0 }, [1, 2]);
        using var logStd = tensor(new[] { Math.Log(0.5), 0.0 }, [1, 2]);
        using var u = tensor(new[] { 1.0, -0.5 }, [1, 2]);
        using var logp = g.LogProbOfPreTanh(mean, logStd, u);
        Assert.Equal(0.1417703 - 0.8037095, logp.item<double>(), 6);
        // Far in the tail, where 1 − tanh²u underflows, the stable form stays finite: ln(1 − tanh² 20) = 2(ln 2 − 20 − softplus(−40)).
        using var far = tensor(new[] { 20.0, 0.0 }, [1, 2]);
        using var tail = g.LogProbOfPreTanh(mean, logStd, far);
        var expected = (-0.5 * 39 * 39 - Math.Log(0.5) - 0.5 * Math.Log(2 * Math.PI) - 2 * (Math.Log(2) - 20 - Math.Log(1 + Math.Exp(-40))))
                       + (-0.5 * 0 - 0 - 0.5 * Math.Log(2 * Math.PI));
        Assert.Equal(expected, tail.item<double>(), 6);
    }

    [Fact]
    public void Log_std_is_clipped_to_minus_20_and_2()
    {
        using var g = new SquashedGaussian();
        using var output = tensor(new[] { 0.0, 0.0, -50.0, 9.0 }, [1, 4]);
        var (_, logStd) = g.Split(output);
        Assert.Equal([-20.0, 2.0], logStd.to(ScalarType.Float64).data<double>().ToArray());
    }

    static double Extra(UpdateReport u, string name) => u.Extras.Single(e => e.Name == name).Value;

    static SacAgent FilledAgent(SacSettings settings, int seed = 1, RedoSettings? redo = null)
    {
        var agent = new SacAgent(SacConfig.Of(settings, seed, redo), observationSize: 3, actionSize: 2);
        var random = new RandomState(7);
        for (int i = 0; i < 64; i++)
            agent.Replay.Add([random.Rand(), random.Rand(), random.Rand()], [2 * random.Rand() - 1, 2 * random.Rand() - 1], random.Rand(), [random.Rand(), random.Rand(), random.Rand()], i % 10 == 9);
        return agent;
    }

    [Fact]
    public void The_temperature_moves_toward_the_target_entropy()
    {
        // A fresh policy (σ ≈ 1) has entropy far above −|A| = −2: α must fall.
        using (var agent = FilledAgent(Small))
        {
            var u = agent.GradientStep(new PlannedUpdate(0, Recycle: false, LogDormancy: true, Reset: false));
            Assert.True(Extra(u, "entropy") > agent.Learner.TargetEntropy);
            Assert.True(agent.Learner.Alpha < 1.0, $"α = {agent.Learner.Alpha}");
        }
        // A nearly deterministic policy (log σ = −10) has entropy far below −2: α must rise.
        using (var agent = FilledAgent(Small))
        {
            using var minusTen = (-10.0).ToScalar();
            using (no_grad()) agent.Learner.Actor.Bias("final_layer").narrow(0, 2, 2).fill_(minusTen);
            using (no_grad()) agent.Learner.Actor.Weight("final_layer").narrow(0, 2, 2).zero_();
            var u = agent.GradientStep(new PlannedUpdate(0, Recycle: false, LogDormancy: true, Reset: false));
            Assert.True(Extra(u, "entropy") < agent.Learner.TargetEntropy);
            Assert.True(agent.Learner.Alpha > 1.0, $"α = {agent.Learner.Alpha}");
        }
    }

    [Fact]
    public void The_soft_update_is_exact()
    {
        // Values chosen so every product and sum is exact in float32: θ̄ = 1, θ = 3, τ = 0.25 → 1.5 exactly.
        using var agent = FilledAgent(Small with { TargetSmoothing = 0.25 });
        using var one = 1.0.ToScalar();
        using var three = 3.0.ToScalar();
        using var oneAndHalf = 1.5.ToScalar();
        using var threeQuarters = 0.75.ToScalar();
        using var quarter = 0.25.ToScalar();
        using (no_grad())
        {
            foreach (var p in agent.Learner.Target1.parameters()) p.fill_(one);
            foreach (var p in agent.Learner.Critic1.parameters()) p.fill_(three);
        }
        agent.Learner.SoftUpdate(agent.Learner.Critic1, agent.Learner.Target1);
        Assert.All(agent.Learner.Target1.parameters(), p => Assert.Equal(p.numel(), p.eq(oneAndHalf).sum().item<long>()));
        // And on random values: (1 − τ)·θ̄ + τ·θ to float precision, online untouched.
        using (no_grad()) foreach (var p in agent.Learner.Critic2.parameters()) p.uniform_(-1, 1, agent.Generator);
        var before = agent.Learner.Target2.parameters().Select(p => p.clone()).ToList();
        var online = agent.Learner.Critic2.parameters().Select(p => p.clone()).ToList();
        agent.Learner.SoftUpdate(agent.Learner.Critic2, agent.Learner.Target2);
        foreach (var (t, (b, o)) in agent.Learner.Target2.parameters().Zip(before.Zip(online)))
            Assert.True(t.allclose(b.mul(threeQuarters).add_(o, quarter), rtol: 0, atol: 1e-7));
        Assert.All(agent.Learner.Critic2.parameters().Zip(online), x => Assert.Equal(0L, x.First.ne(x.Second).sum().item<long>()));
    }

    [Fact]
    public void Redo_scores_every_layer_and_recycles_only_hidden_ones_with_tau_zero_leaving_outputs_unchanged()
    {
        using var agent = FilledAgent(Small, redo: new() { Enabled = true, Tau = 0, Period = 1, LogPeriod = 1 });
        var u = agent.GradientStep(new PlannedUpdate(1, Recycle: true, LogDormancy: true, Reset: false));
        Assert.NotNull(u.AtZero);
        Assert.NotNull(u.Recycled);
        // One entry per network, each over all its layers: the actor's Dense_0, Dense_1 and final_layer (|A| means, |A| log-stds).
        Assert.Equal(SacAgent.NetworkNames, u.AtZero!.Layers.Select(l => l.Layer));
        Assert.Equal(32 + 32 + 4, u.AtZero.Layers[0].Neurons);
        Assert.All(u.Recycled!.Recycled, l => Assert.DoesNotContain("final_layer", l.Layer));
    }
}
