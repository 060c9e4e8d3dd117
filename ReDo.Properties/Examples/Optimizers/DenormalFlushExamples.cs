using System.Runtime.InteropServices;
using ReDo.Recycling.Optimizers;
using ReDo.Recycling.Torch;
using Xunit;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace ReDo.Properties.Examples.Optimizers;

/// <summary>
/// The optimizers flush denormals during their step (docs/performance.md: a dormant neuron's
/// zero gradients leave its moments in the denormal range). Flushing must change the moments
/// there and nothing the network computes: the same step with and without it gives bit-identical
/// parameters, and identical moments wherever they are not denormal.
/// </summary>
public class DenormalFlushExamples
{
    const float Denormal = 1e-40f;

    [Fact]
    public void Flush_to_zero_is_available_on_linux_x64()
    {
        if (OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64)
            Assert.True(Denormals.Available, "libtorch's at::Context::setFlushDenormal was not found");
    }

    [Theory]
    [InlineData("rmsprop")]
    [InlineData("adam")]
    public void Flushing_zeroes_denormal_moments_and_leaves_parameters_bit_identical(string kind)
    {
        var (keptTheta, keptMoments) = StepFromDenormalMoments(kind, flush: false);
        var (flushedTheta, flushedMoments) = StepFromDenormalMoments(kind, flush: true);

        Assert.Equal(keptTheta.Select(BitConverter.SingleToInt32Bits), flushedTheta.Select(BitConverter.SingleToInt32Bits));
        Assert.Contains(keptMoments, float.IsSubnormal);                    // the setup really is denormal
        Assert.DoesNotContain(flushedMoments, float.IsSubnormal);
        for (int i = 0; i < keptMoments.Length; i++)
            if (!float.IsSubnormal(keptMoments[i]))
                Assert.Equal(BitConverter.SingleToInt32Bits(keptMoments[i]), BitConverter.SingleToInt32Bits(flushedMoments[i]));
    }

    /// <summary>θ with two live entries (gradient ≠ 0) and two dormant ones (gradient 0, moments already denormal), one step.</summary>
    static (float[] Theta, float[] Moments) StepFromDenormalMoments(string kind, bool flush)
    {
        using var theta = new Parameter(tensor(new[] { 0.5f, -0.25f, 0.125f, 0.75f }));
        using FlatOptimizer optimizer = kind == "adam"
            ? new Adam([theta], lr: 1e-4, beta1: 0.9, beta2: 0.999, eps: 1.5e-4) { FlushDenormals = flush }
            : new CenteredRmsProp([theta], lr: 2.5e-4, alpha: 0.95, eps: 0.01) { FlushDenormals = flush };
        // The moments the step updates (RMSprop's momentum buffer is state only: momentum is 0).
        var moments = kind == "adam" ? optimizer.Buffers(0).ToList() : [.. optimizer.Buffers(0).Where((_, i) => i != 1)];
        using (no_grad())
            foreach (var buffer in moments)
                buffer.copy_(tensor(new[] { 1e-6f, Denormal, 2e-6f, Denormal }));
        using var c = tensor(new[] { 1e-3f, 0f, -2e-3f, 0f });
        for (int step = 0; step < 3; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.ZeroGrad();
            theta.mul(c).sum().backward();
            optimizer.Step();
        }
        return (theta.data<float>().ToArray(), [.. moments.SelectMany(b => b.data<float>().ToArray())]);
    }
}
