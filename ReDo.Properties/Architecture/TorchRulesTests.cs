using Xunit;

namespace ReDo.Properties.Architecture;

/// <summary>
/// docs/torch-rules.md, checked: ReDo.Shell makes no implicit TorchSharp Scalar, and calls no
/// TorchSharp overload that makes one inside (the finalizer frees such a Scalar, at random,
/// while libtorch still reads it).
/// </summary>
public class TorchRulesTests
{
    [Fact]
    public void The_shell_makes_no_implicit_scalar()
    {
        var violations = ImplicitScalarScan.Violations(typeof(ReDo.Shell.Agents.DqnAgent).Assembly);
        Assert.True(violations.Count == 0,
            "implicit TorchSharp Scalars (own one: `using var s = x.ToScalar()` or a field; see docs/torch-rules.md):\n" + string.Join("\n", violations));
    }

    /// <summary>
    /// The tests obey the rule too: they run in the same process as the training runs they check,
    /// and a Scalar freed under libtorch corrupts memory that another test's tensors may then use
    /// (seen as NaN activations in the live-network laws and as a perturbed resume reference).
    /// </summary>
    [Fact]
    public void The_tests_make_no_implicit_scalar()
    {
        var violations = ImplicitScalarScan.Violations(typeof(TorchRulesTests).Assembly)
            .Where(v => !v.Contains("+" + nameof(Planted) + ".")).ToList();
        Assert.True(violations.Count == 0,
            "implicit TorchSharp Scalars in the tests (own one; see docs/torch-rules.md):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_scan_sees_a_planted_implicit_scalar_and_a_hazardous_overload()
    {
        var violations = ImplicitScalarScan.Violations(typeof(TorchRulesTests).Assembly);
        Assert.Contains(violations, v => v.Contains(nameof(Planted.ImplicitDouble)) && v.Contains("op_Implicit"));
        Assert.Contains(violations, v => v.Contains(nameof(Planted.AddWithoutAlpha)));
        Assert.Contains(violations, v => v.Contains(nameof(Planted.PlusOperator)));
        Assert.DoesNotContain(violations, v => v.Contains(nameof(Planted.Owned)));
    }

    /// <summary>Violations planted on purpose (never run), and the owned form the rule asks for.</summary>
    static class Planted
    {
        public static void ImplicitDouble(TorchSharp.torch.Tensor t) => t.mul_(0.5);
        public static void AddWithoutAlpha(TorchSharp.torch.Tensor t, TorchSharp.Scalar s) => t.add_(s);
        public static TorchSharp.torch.Tensor PlusOperator(TorchSharp.torch.Tensor a, TorchSharp.torch.Tensor b) => a + b;
        public static void Owned(TorchSharp.torch.Tensor t, TorchSharp.Scalar s, TorchSharp.Scalar one) => t.mul_(s).add_(s, one);
    }
}
