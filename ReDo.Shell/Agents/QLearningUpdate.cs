using ReDo.Shell.Networks;
using ReDo.Shell.Optimizers;
using ReDo.Shell.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Shell.Agents;

/// <summary>
/// A batch of transitions as tensors: s [B,…], a [B] int64, n-step return [B], s′ [B,…] (the state n
/// steps later), and the bootstrap discount [B] (γⁿ, or 0 when the episode ended inside the n steps).
/// </summary>
public sealed record TransitionBatch(Tensor States, Tensor Actions, Tensor Returns, Tensor NextStates, Tensor BootstrapDiscounts) : IDisposable
{
    public void Dispose()
    {
        States.Dispose(); Actions.Dispose(); Returns.Dispose(); NextStates.Dispose(); BootstrapDiscounts.Dispose();
    }
}

/// <summary>
/// One DQN gradient step as in the paper's Dopamine agent: target R + γⁿ·max_a Q_target(s′, a)
/// (no double DQN), mean Huber loss (δ = 1), one optimizer step. Returns the loss.
/// </summary>
public static class QLearningUpdate
{
    public static float Step(IRecyclableNetwork online, IRecyclableNetwork target, FlatOptimizer optimizer, TransitionBatch batch)
    {
        using var scope = NewDisposeScope();
        Tensor y;
        // no_grad, not inference mode: huber_loss saves its target for backward, which libtorch refuses for an inference tensor.
        using (no_grad())
            y = batch.BootstrapDiscounts.mul(target.Forward(batch.NextStates).max(1).values).add_(batch.Returns, Scalars.One); // R + γⁿ·max Q′
        var q = online.Forward(batch.States).gather(1, batch.Actions.unsqueeze(1)).squeeze(1);
        var loss = nn.functional.huber_loss(q, y, delta: 1.0);
        optimizer.ZeroGrad();
        loss.backward();
        optimizer.Step();
        return loss.item<float>();
    }
}
