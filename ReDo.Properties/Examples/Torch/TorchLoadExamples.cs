using TorchSharp;
using Xunit;
namespace ReDo.Properties.Examples.Torch;
public class TorchLoadExamples
{
    [Fact]
    public void TorchSharp_loads_and_computes()
    {
        using var a = torch.tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2);
        using var p = a.matmul(a);
        Assert.Equal(new float[] { 7, 10, 15, 22 }, p.data<float>().ToArray());
    }
}
