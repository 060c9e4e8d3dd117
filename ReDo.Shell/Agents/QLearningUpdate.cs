using ReDo.Recycling.Networks;
using ReDo.Recycling.Optimizers;
using ReDo.Recycling.Torch;
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
/// One DQN gradient step as in the paper's Dopamine agent: target R + γⁿ·Q_target(s′, a′) with
/// a′ = argmax Q_target(s′, ·) (DQN) or argmax Q_online(s′, ·) (double DQN, DrQ(ε): docs/specs/redo-algorithm.md §6.3),
/// mean Huber loss (δ = 1), one optimizer step. Returns the loss.
/// </summary>
public static class QLearningUpdate
{
    public static float Step(IRecyclableNetwork online, IRecyclableNetwork target, FlatOptimizer optimizer, TransitionBatch batch, bool doubleDqn = false)
    {
        using var scope = NewDisposeScope();
        Tensor y;
        // no_grad, not inference mode: huber_loss saves its target for backward, which libtorch refuses for an inference tensor.
        using (no_grad())
        {
            var next = target.Forward(batch.NextStates);
            var bootstrap = doubleDqn ? DoubleDqnValues(online.Forward(batch.NextStates), next) : next.max(1).values;
            y = batch.BootstrapDiscounts.mul(bootstrap).add_(batch.Returns, Scalars.One); // R + γⁿ·Q′
        }
        var q = online.Forward(batch.States).gather(1, batch.Actions.unsqueeze(1)).squeeze(1);
        var loss = nn.functional.huber_loss(q, y, delta: 1.0);
        optimizer.ZeroGrad();
        loss.backward();
        optimizer.Step();
        return loss.item<float>();
    }

    /// <summary>Double DQN (van Hasselt et al. 2016): the target network's value of the online network's greedy action, per row.</summary>
    public static Tensor DoubleDqnValues(Tensor onlineNextQ, Tensor targetNextQ) =>
        targetNextQ.gather(1, onlineNextQ.argmax(1, keepdim: true)).squeeze(1);
}
