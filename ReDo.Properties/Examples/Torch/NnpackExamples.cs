using System.Runtime.InteropServices;
using ReDo.Pure.Networks;
using ReDo.Recycling.Networks;
using ReDo.Recycling.Torch;
using Xunit;

namespace ReDo.Properties.Examples.Torch;

/// <summary>
/// Building a network with a convolution turns libtorch's NNPACK off (ReDo.Recycling/Torch/Nnpack.cs):
/// one conv kernel on every CPU, and no warning per conv call where NNPACK cannot start.
/// (Never turned back on here: the tests share a process, and another test's conv must not change kernel mid-run.)
/// </summary>
public class NnpackExamples
{
    [Fact]
    public void The_switch_is_found_on_linux_x64()
    {
        if (OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64)
            Assert.True(Nnpack.Available, "libtorch's at::Context::setUserEnabledNNPACK was not found");
    }

    [Fact]
    public void Only_specs_with_a_convolution_ask_for_it()
    {
        Assert.True(NetworkCatalog.MinAtarDqn(4, 3).HasConvolution);
        Assert.True(NetworkCatalog.NatureCnn(6).HasConvolution);
        Assert.False(NetworkCatalog.Mlp(8, [64, 64], 4).HasConvolution);
    }

    [Fact]
    public void Building_a_convolutional_network_turns_nnpack_off()
    {
        using var net = new SpecNetwork(NetworkCatalog.NatureCnn(6));
        if (Nnpack.Available) Assert.False(Nnpack.Enabled);
    }
}
