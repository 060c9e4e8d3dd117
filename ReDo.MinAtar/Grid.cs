namespace ReDo.MinAtar;

/// <summary>The 10 × 10 board; a cell's bit index is y·10 + x (row-major, row 0 at the top).</summary>
public static class Grid
{
    public const int Size = 10;
    public const int Cells = Size * Size;

    /// <summary>All 100 cell bits.</summary>
    public static readonly UInt128 Full = (UInt128.One << Cells) - 1;

    public static bool Contains(int x, int y) => (uint)x < Size && (uint)y < Size;

    /// <summary>One bit per cell, looked up because a variable UInt128 shift costs more in the stepping loop.</summary>
    static readonly UInt128[] CellBits = Enumerable.Range(0, Cells).Select(i => UInt128.One << i).ToArray();

    public static UInt128 Bit(int x, int y) => CellBits[y * Size + x];

    public static bool Has(UInt128 plane, int x, int y) => (plane & CellBits[y * Size + x]) != UInt128.Zero;

    /// <summary>Bits of rows <paramref name="firstRow"/>…<paramref name="lastRow"/> (inclusive), all columns.</summary>
    public static UInt128 Rows(int firstRow, int lastRow) =>
        ((UInt128.One << ((lastRow - firstRow + 1) * Size)) - 1) << (firstRow * Size);

    public static UInt128 Column(int x)
    {
        UInt128 cells = 0;
        for (var y = 0; y < Size; y++) cells |= Bit(x, y);
        return cells;
    }

    public static int Count(UInt128 plane) => (int)UInt128.PopCount(plane);
}
