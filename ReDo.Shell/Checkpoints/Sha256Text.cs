using System.Security.Cryptography;
using System.Text;

namespace ReDo.Shell.Checkpoints;

/// <summary>SHA-256 as lower-case hex: checkpoint parts and the resolved config.</summary>
public static class Sha256Text
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));
}
