using ReDo.MinAtar.Random;
using ReDo.MinAtar.Replay;
using ReDo.Pure.Config;
using ReDo.Pure.Networks;
using ReDo.Shell.Agents;
using ReDo.Shell.Torch;
using static TorchSharp.torch;

namespace ReDo.Shell.Analyses;

/// <summary>
/// Transition batches drawn uniformly from a finished run's replay buffer with their own seeded
/// generator, into tensors allocated once (as the agent samples them), for training on fixed data.
/// </summary>
public sealed class ReplayBatches : IDisposable
{
    readonly ReplayBuffer _replay;
    readonly AgentSettings _agent;
    readonly RandomState _random;
    readonly HostTensor<float> _states, _nextStates, _returns, _discounts;
    readonly HostTensor<long> _actions;

    public TransitionBatch Batch { get; }

    public ReplayBatches(ReplayBuffer replay, NetworkSpec spec, AgentSettings agent, uint seed)
    {
        (_replay, _agent, _random) = (replay, agent, new RandomState(seed));
        long[] shape = [.. spec.Input.Shape.Select(d => (long)d)];
        _states = new HostTensor<float>(ScalarType.Float32, [agent.BatchSize, .. shape]);
        _nextStates = new HostTensor<float>(ScalarType.Float32, [agent.BatchSize, .. shape]);
        _returns = new HostTensor<float>(ScalarType.Float32, agent.BatchSize);
        _discounts = new HostTensor<float>(ScalarType.Float32, agent.BatchSize);
        _actions = new HostTensor<long>(ScalarType.Int64, agent.BatchSize);
        Batch = new TransitionBatch(_states.Tensor, _actions.Tensor, _returns.Tensor, _nextStates.Tensor, _discounts.Tensor);
    }

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
