using ReDo.Shell.Agents;
using ReDo.Shell.Checkpoints;
using Xunit;
using static TorchSharp.torch;

namespace ReDo.Properties.Examples.Agents;

/// <summary>
/// generators.bin holds the agent's own generator and nothing process-wide: with `--parallel 2` every slot
/// reseeds libtorch's global generator, so its state at a checkpoint was an accident of timing (and the
/// DQN agent never draws from it: initialisation, ReDo and Reset draws all come from its own). A
/// generators.bin written before, with the global state in it, still loads.
/// </summary>
public class GeneratorPartExamples
{
    static byte[] GeneratorsOf(DqnAgent agent) => agent.Bundle().Single(p => p.Name == DqnParts.Generators).Bytes;

    [Fact]
    public void The_generators_part_does_not_depend_on_the_process_wide_generator()
    {
        using var agent = new DqnAgent(TinyRuns.Config(), 4, 6);
        manual_seed(1);
        var first = GeneratorsOf(agent);
        manual_seed(2);   // another slot of the worker starting its run
        using (rand(10)) { }
        Assert.Equal(first, GeneratorsOf(agent));
    }

    [Fact]
    public void A_generators_part_with_the_global_state_in_it_still_loads()
    {
        using var agent = new DqnAgent(TinyRuns.Config(), 4, 6);
        using var redraw = agent.RedrawGenerator.get_state();
        var redrawState = redraw.data<byte>().ToArray();
        using var global = random.get_rng_state();
        var old = CheckpointParts.Write(w => { CheckpointParts.WriteBytes(w, global.data<byte>().ToArray()); CheckpointParts.WriteBytes(w, redrawState); });

        using var restored = new DqnAgent(TinyRuns.Config() with { Run = TinyRuns.Config().Run with { Seed = 99 } }, 4, 6);
        DqnParts.Restore(restored, agent.Bundle().Where(p => p.Name != DqnParts.Generators).Append((DqnParts.Generators, old)).ToDictionary(p => p.Item1, p => p.Item2));
        using var state = restored.RedrawGenerator.get_state();
        Assert.Equal(redrawState, state.data<byte>().ToArray());
    }
}
