using System.Buffers;
using System.Text;

namespace Tessera.Core.Protocol.Json;

/// <summary>
/// Rewrites UTF-8 JSON so that it is pure ASCII: every non-ASCII character becomes a <c>\u</c>
/// escape with four hex digits (a surrogate pair above U+FFFF). Non-ASCII bytes occur only inside strings, where such an escape
/// is always valid, so the rewrite needs no JSON parsing.
/// </summary>
internal static class AsciiEscaper
{
    /// <summary>Returns <paramref name="utf8"/> itself when it is already ASCII.</summary>
    public static byte[] Escape(byte[] utf8)
    {
        var first = utf8.AsSpan().IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
        if (first < 0)
        {
            return utf8;
        }

        var output = new ArrayBufferWriter<byte>(utf8.Length + 32);
        output.Write(utf8.AsSpan(0, first));
        var rest = utf8.AsSpan(first);
        Span<byte> escape = stackalloc byte[6];
        Span<char> units = stackalloc char[2];
        while (!rest.IsEmpty)
        {
            var ascii = rest.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (ascii != 0)
            {
                var run = ascii < 0 ? rest.Length : ascii;
                output.Write(rest[..run]);
                rest = rest[run..];
                continue;
            }

            Rune.DecodeFromUtf8(rest, out var rune, out var consumed);
            var count = rune.EncodeToUtf16(units);
            for (var i = 0; i < count; i++)
            {
                WriteEscape(units[i], escape);
                output.Write(escape);
            }

            rest = rest[consumed..];
        }

        return output.WrittenSpan.ToArray();
    }

    private static void WriteEscape(char unit, Span<byte> into)
    {
        const string hex = "0123456789ABCDEF";
        into[0] = (byte)'\\';
        into[1] = (byte)'u';
        into[2] = (byte)hex[(unit >> 12) & 0xF];
        into[3] = (byte)hex[(unit >> 8) & 0xF];
        into[4] = (byte)hex[(unit >> 4) & 0xF];
        into[5] = (byte)hex[unit & 0xF];
    }
}
