using ReDo.MinAtar;

namespace ReDo.Shell.Play;

/// <summary>What <c>redo minatar play</c> was asked to do.</summary>
public sealed record PlaySettings(GameInfo Game, uint Seed, int Steps, int DelayMs, string? PngPath, EnvironmentOptions Options);
