using ReDo.MinAtar;
using ReDo.Pure.Agents;
using Xunit;
using ReDo.Shell.Agents;

namespace ReDo.Properties.Examples.Agents;

/// <summary>The replay's memory and its largest capacity, pinned by hand: the widest array must fit one .NET array.</summary>
public class ReplayMemoryExamples
{
    [Fact]
    public void Breakout_takes_56_bytes_a_transition_and_at_most_42949671_transitions()
    {
        var memory = ReplayMemory.MinAtar(ObservationLayout.ByteCount(4));   // 400 bits = 50 bytes, + action, reward, terminal
        Assert.Equal(56, memory.TransitionBytes);
        Assert.Equal(2_147_483_591 / 50, memory.MaxCapacity);
        Assert.Null(memory.Problem("Agent:ReplayCapacity", memory.MaxCapacity, "breakout"));
        Assert.StartsWith("Agent:ReplayCapacity = 42949672: allowed at most 42,949,671 for breakout", memory.Problem("Agent:ReplayCapacity", memory.MaxCapacity + 1, "breakout"));
    }

    [Fact]
    public void The_buffer_takes_the_bytes_the_memory_states()
    {
        var buffer = new ReplayBuffer(1_000, 10);   // Seaquest's 10 channels: 125 bytes of bits
        Assert.Equal(ReplayMemory.MinAtar(ObservationLayout.ByteCount(10)).Bytes(1_000), buffer.MemoryBytes);
    }
}
