using ReDo.MinAtar;
using Xunit;
using ReDo.Shell.Agents;

namespace ReDo.Properties.Examples.Agents;

/// <summary>The replay memory's size at 100,000 MinAtar transitions (its sampling laws: Laws/Agents/ReplayBufferLaws).</summary>
public class ReplayBufferExamples
{
    [Fact]
    public void Replay_of_100k_minatar_transitions_fits_in_50_MB_for_every_game()
    {
        foreach (var game in GameInfo.All)
        {
            var replay = new ReplayBuffer(100_000, game.ChannelNames.Length);
            Assert.True(replay.MemoryBytes <= 50_000_000, $"{game.Name}: {replay.MemoryBytes} bytes");
        }
    }
}
