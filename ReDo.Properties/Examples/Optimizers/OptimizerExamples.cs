using ReDo.Recycling.Optimizers;
using TorchSharp;
using Parameter = TorchSharp.Modules.Parameter;
using Xunit;
using static TorchSharp.torch;

namespace ReDo.Properties.Examples.Optimizers;

/// <summary>
/// Our flat Adam and centered RMSprop on hand-computed steps (PyTorch's documented update rules):
/// one parameter θ₀ = [0.5, −0.25] and the loss Σ cᵢθᵢ, so the gradient is c = [1, −2] every step.
/// </summary>
public class OptimizerExamples
{
    static Parameter Theta() => new(tensor(new[] { 0.5f, -0.25f }));

    static float[] Run(FlatOptimizer optimizer, Parameter theta, int steps)
    {
        using var c = tensor(new[] { 1f, -2f });
        for (int s = 0; s < steps; s++)
        {
            using var scope = NewDisposeScope();
            optimizer.ZeroGrad();
            (theta * c).sum().backward();
            optimizer.Step();
        }
        return theta.data<float>().ToArray();
    }

    [Fact]
    public void Centered_rmsprop_two_steps_by_hand()
    {
        // v = αv + (1−α)g², ḡ = αḡ + (1−α)g, θ −= lr·g / (√(v − ḡ²) + ε); α = 0.95, ε = 0.01, lr = 0.1.
        // Step 1: v = [0.05, 0.2], ḡ = [0.05, −0.1], √(v − ḡ²) = [0.217945, 0.435890] → θ = [0.0612976, 0.1985412].
        // Step 2: v = [0.0975, 0.39], ḡ = [0.0975, −0.195] → θ = [−0.2648205, 0.5300651].
        using var theta = Theta();
        using var rms = new CenteredRmsProp([theta], lr: 0.1, alpha: 0.95, eps: 0.01);
        Assert.Equal([0.0612976f, 0.1985412f], Run(rms, theta, 1), new Close(1e-6f));
        Assert.Equal([-0.2648205f, 0.5300651f], Run(rms, theta, 1), new Close(1e-6f));
        var buffers = rms.Buffers(0).Select(b => b.data<float>().ToArray()).ToList();
        Assert.Equal([0.0975f, 0.39f], buffers[0], new Close(1e-7f));     // square_avg
        Assert.Equal([0f, 0f], buffers[1]);                               // momentum buffer (momentum 0)
        Assert.Equal([0.0975f, -0.195f], buffers[2], new Close(1e-7f));   // grad_avg
        Assert.Equal(2, rms.StepCount(0));
    }

    /// <summary>
    /// A constant gradient makes v − ḡ² = α^t(1 − α^t)g², which falls below float rounding after a few
    /// hundred steps, so v − ḡ² can come out negative and PyTorch's √ gives NaN. It happened in every
    /// DQN + weight-decay run (a dead neuron's weights get g = wd·θ, nearly constant): the variance is
    /// clamped at 0, which changes nothing where it is not negative.
    /// </summary>
    [Fact]
    public void Centered_rmsprop_with_a_constant_gradient_stays_finite()
    {
        var r = new System.Random(7);
        float[] gradient = Enumerable.Range(0, 256).Select(_ => (float)(r.NextDouble() * 2 - 1)).ToArray();
        using var theta = new Parameter(zeros(256));
        using var c = tensor(gradient);
        using var rms = new CenteredRmsProp([theta], lr: 1e-6, alpha: 0.95, eps: 0.01);
        for (int s = 0; s < 2000; s++)
        {
            using var scope = NewDisposeScope();
            rms.ZeroGrad();
            (theta * c).sum().backward();
            rms.Step();
        }
        var after = theta.data<float>().ToArray();
        // Finite, and each step moves θᵢ against gᵢ by at most lr·|gᵢ|/ε (the denominator is ≥ ε).
        for (int i = 0; i < after.Length; i++)
        {
            Assert.True(float.IsFinite(after[i]), $"θ[{i}] = {after[i]} with the constant gradient {gradient[i]}");
            Assert.InRange(-after[i] * Math.Sign(gradient[i]), 0f, 2000 * 1e-6f * Math.Abs(gradient[i]) / 0.01f * 1.0001f);
        }
    }

    [Fact]
    public void Adam_with_a_constant_gradient_moves_lr_per_step()
    {
        // A constant g makes m̂ = g and v̂ = g² at every t (bias correction exact), so each step is
        // θ −= lr·g/(|g| + ε) ≈ lr·sign(g): after 2 steps with lr = 0.1, θ = [0.3, −0.05].
        using var theta = Theta();
        using var adam = new Adam([theta], lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8);
        Assert.Equal([0.3f, -0.05f], Run(adam, theta, 2), new Close(1e-6f));
        var buffers = adam.Buffers(0).Select(b => b.data<float>().ToArray()).ToList();
        Assert.Equal([0.19f, -0.38f], buffers[0], new Close(1e-6f));          // m = (0.9·0.1 + 0.1)·g
        Assert.Equal([0.001999f, 0.007996f], buffers[1], new Close(1e-8f));   // v = (0.999·0.001 + 0.001)·g²
    }

    [Fact]
    public void A_checkpoint_of_the_other_optimizer_is_refused_by_name()
    {
        using var theta = Theta();
        using var adam = new Adam([theta], lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8);
        using var rms = new CenteredRmsProp([theta], lr: 0.1, alpha: 0.95, eps: 0.01);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) adam.Save(w);
        stream.Position = 0;
        var e = Assert.Throws<InvalidDataException>(() => rms.Load(new BinaryReader(stream)));
        Assert.Contains("Adam", e.Message);
        Assert.Contains("RMSProp", e.Message);
    }

    sealed class Close(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(float obj) => 0;
    }
}
