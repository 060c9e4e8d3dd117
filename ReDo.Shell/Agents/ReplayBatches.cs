using ReDo.NumPyRandom;
using ReDo.Pure.Config;
using ReDo.Pure.Networks;
using ReDo.Shell.Torch;
using static TorchSharp.torch;

namespace ReDo.Shell.Agents;

/// <summary>
/// Transition batches drawn uniformly from a replay buffer into tensors allocated once (no
/// tensors per update: docs/performance.md): the agent's training batches (with its own generator) and the
/// analyses' training on a finished run's fixed data (with a generator seeded for the analysis).
/// </summary>
public sealed class ReplayBatches : IDisposable
{
    readonly ReplayBuffer _replay;
    readonly DqnSettings _agent;
    readonly RandomState _random;
    readonly HostTensor<float> _states, _nextStates, _returns, _discounts;
    readonly HostTensor<long> _actions;

    public TransitionBatch Batch { get; }

    public ReplayBatches(ReplayBuffer replay, NetworkSpec spec, DqnSettings agent, RandomState random)
    {
        (_replay, _agent, _random) = (replay, agent, random);
        long[] shape = [.. spec.Input.Shape.Select(d => (long)d)];
        _states = new HostTensor<float>(ScalarType.Float32, [agent.BatchSize, .. shape]);
        _nextStates = new HostTensor<float>(ScalarType.Float32, [agent.BatchSize, .. shape]);
        _returns = new HostTensor<float>(ScalarType.Float32, agent.BatchSize);
        _discounts = new HostTensor<float>(ScalarType.Float32, agent.BatchSize);
        _actions = new HostTensor<long>(ScalarType.Int64, agent.BatchSize);
        Batch = new TransitionBatch(_states.Tensor, _actions.Tensor, _returns.Tensor, _nextStates.Tensor, _discounts.Tensor);
    }

    /// <summary>The last draw's states s and s′, in place (for augmentation before the update).</summary>
    public Span<float> States => _states.Span;
    public Span<float> NextStates => _nextStates.Span;

    /// <summary>Fills <see cref="Batch"/> with the next draw (n-step returns and discounts as the run's agent forms them).</summary>
    public TransitionBatch Next()
    {
        _replay.Sample(_random, _agent.BatchSize, _agent.UpdateHorizon, _agent.Discount, _states.Span, _actions.Span, _returns.Span, _nextStates.Span, _discounts.Span);
        return Batch;
    }

    public void Dispose()
    {
        foreach (var t in new IDisposable[] { _states, _nextStates, _returns, _discounts, _actions }) t.Dispose();
    }
}
