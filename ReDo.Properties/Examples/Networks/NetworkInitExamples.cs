using ReDo.Pure.Networks;
using ReDo.Recycling.Networks;
using Xunit;
using static TorchSharp.torch;

namespace ReDo.Properties.Examples.Networks;

/// <summary>
/// Every initial draw and redraw comes from the generator it is given and from nothing else: the
/// same generator seed gives the same tensors whatever the global generator's state. TorchSharp
/// 0.107's <c>nn.init.uniform_(t, a, b, generator)</c> ignores its generator; the first test shows
/// it (so that this test fails if our code goes back to it, and tells us when TorchSharp fixes it).
/// </summary>
public class NetworkInitExamples
{
    [Fact]
    public void TorchSharp_nn_init_uniform_ignores_its_generator_so_we_do_not_use_it()
    {
        float Draw(long globalSeed)
        {
            manual_seed(globalSeed);
            using var g = new Generator(5, CPU);
            using var t = empty(1000);
            nn.init.uniform_(t, -1, 1, g);
            return t.sum().item<float>();
        }
        Assert.NotEqual(Draw(1), Draw(2));
    }

    [Fact]
    public void Initialize_kernel_and_bias_draws_depend_only_on_their_generator()
    {
        var spec = NetworkCatalog.MinAtarDqn(4, 6);
        (float[] Net, float[] Kernel, float[] Bias) Draw(long globalSeed)
        {
            manual_seed(globalSeed);
            using var g = new Generator(17, CPU);
            using var net = new SpecNetwork(spec);
            NetworkInit.Initialize(net, g);
            using var kernel = NetworkInit.Kernel(spec.Layers[1], g, CPU);
            using var bias = NetworkInit.Bias(spec.Layers[1], 0.1, g, CPU);
            var all = net.parameters().SelectMany(p => p.detach().data<float>().ToArray()).ToArray();
            return (all, kernel.data<float>().ToArray(), bias.data<float>().ToArray());
        }
        var (a, b) = (Draw(1), Draw(2));
        Assert.Equal(a.Net, b.Net);
        Assert.Equal(a.Kernel, b.Kernel);
        Assert.Equal(a.Bias, b.Bias);
    }
}
