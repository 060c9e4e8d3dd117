namespace ReDo.Pure.Agents;

/// <summary>
/// Dopamine's reward clipping (Env:ClipRewards): the agent learns from r clipped to [−1, 1]; the
/// MinAtar DQN learns from raw rewards. Logged returns are always raw (docs/agent.md).
/// </summary>
public static class RewardClipping
{
    public static float Clip(float reward) => Math.Clamp(reward, -1f, 1f);
}
