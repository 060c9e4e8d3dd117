// Three folders of a made-up project, for FolderOrderTests' check of the compiled view: Upper reads a
// Lower type's member off Middle's result, and no line of Upper names Lower.
namespace ReDo.Properties.Architecture.LayerFixture.Lower
{
    public sealed class Leaf
    {
        public int Size => 1;
    }
}

namespace ReDo.Properties.Architecture.LayerFixture.Middle
{
    public static class Maker
    {
        public static Lower.Leaf Make() => new();
    }
}

namespace ReDo.Properties.Architecture.LayerFixture.Upper
{
    public static class Reader
    {
        public static int Size() => Middle.Maker.Make().Size;
    }
}
