using ReDo.Shell.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Shell.Agents;

/// <summary>A batch of transitions as tensors: s [B,…], a [B] int64, r [B], s′ [B,…], done [B] (1 = terminal).</summary>
public sealed record TransitionBatch(Tensor States, Tensor Actions, Tensor Rewards, Tensor NextStates, Tensor Terminals) : IDisposable
{
    public void Dispose()
    {
        States.Dispose(); Actions.Dispose(); Rewards.Dispose(); NextStates.Dispose(); Terminals.Dispose();
    }
}

/// <summary>
/// One DQN gradient step as in the paper's Dopamine agent: target r + γⁿ·max_a Q_target(s′, a)·(1 − done)
/// (no double DQN), mean Huber loss (δ = 1), one optimizer step. Returns the loss.
/// </summary>
public static class QLearningUpdate
{
    public static float Step(IRecyclableNetwork online, IRecyclableNetwork target, optim.Optimizer optimizer, TransitionBatch batch, double discount)
    {
        using var scope = NewDisposeScope();
        Tensor y;
        using (no_grad())
        {
            var nextQ = target.Forward(batch.NextStates).max(1).values;
            y = batch.Rewards + discount * nextQ * (1 - batch.Terminals);
        }
        var q = online.Forward(batch.States).gather(1, batch.Actions.unsqueeze(1)).squeeze(1);
        var loss = nn.functional.huber_loss(q, y, delta: 1.0);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}
