using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Recycling.Discovery;

/// <summary>A weighted layer found in a module: its parameters, the module its scored output is captured at, and the LayerNorm on its features (if any).</summary>
public sealed record DiscoveredLayer(string Name, Parameter Weight, Parameter? Bias, string CapturePoint, LayerNorm? Norm);
