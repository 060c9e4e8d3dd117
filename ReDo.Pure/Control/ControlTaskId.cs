namespace ReDo.Pure.Control;

/// <summary>The continuous-control tasks (paper App. B, Fig. 14: SAC on MuJoCo), plus a cart-pole of our own for tests.</summary>
public enum ControlTaskId { HalfCheetah, Hopper, Walker2d, Ant, Humanoid, InvertedPendulum }
