using ReDo.Pure.Config;
using ReDo.Pure.Networks;
using static TorchSharp.torch;

namespace ReDo.Shell.Cli;

/// <summary>The catalog networks selectable on the command line, with a synthetic input distribution for each.</summary>
public static class NetworkChoice
{
    public static readonly IReadOnlyList<string> Names = ConfigName.All<NetworkProfile>();

    /// <summary>The profile's network (NetworkCatalog.For) with 6 actions, MinAtar's 4 planes, or 8 MLP inputs.</summary>
    public static NetworkSpec Spec(string name)
    {
        NetworkProfile profile;
        try { profile = ConfigName.Parse<NetworkProfile>(name); }
        catch (FormatException e) { throw new CliError($"unknown network: {e.Message}."); }
        return NetworkCatalog.For(profile, profile == NetworkProfile.Mlp ? 8 : 4, 6);
    }

    /// <summary>
    /// Inputs shaped like the network's: uint8 frames (0…255) when the net scales by 1/255, sparse
    /// 0/1 grids for MinAtar-sized images (≈10 % of cells lit), standard normal vectors otherwise.
    /// </summary>
    public static Tensor SyntheticInputs(NetworkSpec spec, int batch, Generator generator)
    {
        // The int64 / bool intermediates are disposed here, not left to the finalizer: a Nature CNN probe's
        // are 14 MB each, and leaving them to the GC made every later allocation fault in fresh pages.
        using var scope = NewDisposeScope();
        long[] shape = [batch, .. spec.Input.Shape.Select(d => (long)d)];
        var inputs = spec.Input.Shape.Count == 3 && spec.Input.Scale != 1.0 ? randint(0, 256, shape, generator: generator).to(ScalarType.Float32)
            : spec.Input.Shape.Count == 3 ? rand(shape, generator: generator).lt(ReDo.Recycling.Torch.Scalars.Tenth).to(ScalarType.Float32)
            : randn(shape, generator: generator);
        return inputs.MoveToOuterDisposeScope();
    }
}
