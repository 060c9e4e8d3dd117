namespace ReDo.Pure.Networks;

/// <summary>
/// Zero padding of a convolution's input, per side. Asymmetric padding is what TF/Flax "SAME"
/// produces for even kernels (the Nature CNN's Conv_1: 1 before, 2 after).
/// </summary>
public readonly record struct Padding2d(int Top, int Bottom, int Left, int Right)
{
    public static Padding2d Valid => default;

    public bool IsSymmetric => Top == Bottom && Left == Right;

    /// <summary>TF/XLA SAME rule: out = ceil(in / stride), total = max((out-1)·stride + k − in, 0), before = ⌊total/2⌋.</summary>
    public static Padding2d Same(int inHeight, int inWidth, int kernelH, int kernelW, int strideH, int strideW)
    {
        var (top, bottom) = SameOneAxis(inHeight, kernelH, strideH);
        var (left, right) = SameOneAxis(inWidth, kernelW, strideW);
        return new Padding2d(top, bottom, left, right);
    }

    static (int Before, int After) SameOneAxis(int input, int kernel, int stride)
    {
        int output = (input + stride - 1) / stride;
        int total = Math.Max((output - 1) * stride + kernel - input, 0);
        return (total / 2, total - total / 2);
    }
}
