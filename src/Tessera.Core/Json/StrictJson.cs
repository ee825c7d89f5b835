using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Tessera.Core.Json;

/// <summary>
/// The rules every JSON body we accept must meet before it is bound to a type: well-formed UTF-8,
/// no escape that decodes to a lone UTF-16 surrogate, no property name twice in one object, no
/// <c>null</c> as an array element, at most <see cref="MaxDepth"/> levels. System.Text.Json lets the
/// last of two duplicate keys win and throws non-JSON exceptions on bad text, so this pass runs
/// first and names the path. Pure; one forward read that allocates a name set per depth and each
/// distinct short property name once.
/// </summary>
public static class StrictJson
{
    /// <summary>The deepest nesting accepted (Mesos' parser allows 200; no real call comes near 64).</summary>
    public const int MaxDepth = 64;

    /// <summary>The first rule <paramref name="utf8"/> breaks, or null when it meets them all.</summary>
    /// <param name="utf8">The body.</param>
    /// <param name="nullRefused">
    /// Whether a <c>null</c> property value at a path is refused too (map values: a map holds values,
    /// while a <c>null</c> field of a message means absent); asked only where a null occurs.
    /// </param>
    public static JsonProblem? Check(ReadOnlySpan<byte> utf8, Func<string, bool>? nullRefused = null)
    {
        if (!Utf8.IsValid(utf8))
            return new("$", $"the body is not valid UTF-8 (byte {FirstInvalidByte(utf8)})", JsonProblemKind.Encoding);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        var path = new JsonPathStack();
        try
        {
            return Walk(ref reader, path, nullRefused);
        }
        catch (JsonException e)
        {
            return new(path.ToString(), "not valid JSON: " + SyntaxMessage(e), JsonProblemKind.Syntax);
        }
    }

    private static JsonProblem? Walk(ref Utf8JsonReader reader, JsonPathStack path, Func<string, bool>? nullRefused)
    {
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    path.Element();
                    path.PushObject();
                    break;
                case JsonTokenType.StartArray:
                    path.Element();
                    path.PushArray();
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    path.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    if (Name(ref reader, path) is { } badName) return badName;
                    break;
                case JsonTokenType.Null when path.InArray:
                    path.Element();
                    return new(path.ToString(), "must not be null (an array holds values, never null)",
                        JsonProblemKind.NullElement);
                case JsonTokenType.Null when nullRefused is not null && nullRefused(path.ToString()):
                    return new(path.ToString(), "must not be null (a map holds values, never null)",
                        JsonProblemKind.NullElement);
                case JsonTokenType.String:
                    path.Element();
                    if (reader.ValueIsEscaped && !Decodes(ref reader))
                        return new(path.ToString(), "the string holds an escape that is a lone UTF-16 surrogate",
                            JsonProblemKind.Encoding);
                    break;
                default:
                    path.Element();
                    break;
            }
        }
        return null;
    }

    /// <summary>
    /// Names up to this many bytes are decoded on the stack and interned (most bodies repeat a few names).
    /// </summary>
    private const int ShortName = 128;

    private static JsonProblem? Name(ref Utf8JsonReader reader, JsonPathStack path)
    {
        string name;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length <= ShortName)
        {
            // The body passed the UTF-8 check, so this decodes without replacement characters.
            Span<char> chars = stackalloc char[ShortName];
            name = path.Intern(chars[..Encoding.UTF8.GetChars(reader.ValueSpan, chars)]);
        }
        else
        {
            try
            {
                name = reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                return new(path.ToString(), "a property name holds an escape that is a lone UTF-16 surrogate",
                    JsonProblemKind.Encoding);
            }
        }
        if (!path.AddName(name))
            return new(path.ToString(), $"the key '{Printable(name)}' appears more than once in its object",
                JsonProblemKind.DuplicateKey);
        return null;
    }

    private static bool Decodes(ref Utf8JsonReader reader)
    {
        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (offset < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
                return offset;
            offset += consumed;
        }
        return offset;
    }

    /// <summary>
    /// System.Text.Json's reader message
    /// ("'x' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 3.").
    /// </summary>
    private static string SyntaxMessage(JsonException e) => e.Message.TrimEnd('.');

    /// <summary>A name as it may appear in an error text: control characters escaped, long names cut.</summary>
    internal static string Printable(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Length > 100 ? name[..100] : name)
            text.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c);
        return name.Length > 100 ? text.Append('…').ToString() : text.ToString();
    }
}
