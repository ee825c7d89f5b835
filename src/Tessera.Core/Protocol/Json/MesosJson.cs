using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tessera.Core.Protocol.Json;

/// <summary>
/// Mesos v1 JSON, as stout's protobuf↔JSON does it: snake_case proto names, enums by name,
/// <c>bytes</c> as base64, absent (never <c>null</c>) optional fields, compact ASCII-only output.
/// Input: unknown fields ignored, <c>null</c> treated as absent, numbers also as numeric strings,
/// <c>"Infinity"</c>/<c>"NaN"</c> for doubles. See <c>Protocol/README.md</c>.
/// </summary>
public static class MesosJson
{
    private static readonly JsonSerializerOptions Options = new(MesosJsonContext.Default.Options)
    {
        // Escapes only what JSON requires; AsciiEscaper then escapes every non-ASCII character.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises <paramref name="value"/> to compact ASCII JSON.</summary>
    public static string Serialize<T>(T value) => Encoding.ASCII.GetString(SerializeToUtf8Bytes(value));

    /// <summary>Serialises <paramref name="value"/> to compact ASCII JSON bytes.</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value) =>
        AsciiEscaper.Escape(JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>()));

    /// <summary>Parses <paramref name="json"/>; throws <see cref="MesosJsonException"/> naming the field on bad input.</summary>
    public static T Deserialize<T>(string json) => Deserialize<T>(Encoding.UTF8.GetBytes(json));

    /// <summary>Parses UTF-8 <paramref name="utf8Json"/>; throws <see cref="MesosJsonException"/> naming the field on bad input.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json)
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(utf8Json, TypeInfo<T>());
        }
        catch (JsonException ex)
        {
            throw new MesosJsonException(ex.Path ?? "$", Describe(ex.Message), ex);
        }

        return value ?? throw new MesosJsonException("$", "expected a JSON object, got null");
    }

    private static JsonTypeInfo<T> TypeInfo<T>() =>
        Options.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new NotSupportedException($"{typeof(T)} is not a Mesos wire type");

    /// <summary>Turns System.Text.Json's message into a short rule without CLR type names or positions.</summary>
    private static string Describe(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var text = cut >= 0 ? message[..cut] : message;
        const string couldNotConvert = "The JSON value could not be converted to ";
        if (text.StartsWith(couldNotConvert, StringComparison.Ordinal))
        {
            return "expected " + Expected(text[couldNotConvert.Length..].TrimEnd('.'));
        }

        const string missing = "was missing required properties including: ";
        var at = text.IndexOf(missing, StringComparison.Ordinal);
        if (at >= 0)
        {
            return "missing required field " + text[(at + missing.Length)..].TrimEnd('.');
        }

        return text.TrimEnd('.');
    }

    private static string Expected(string clrType)
    {
        var type = clrType.Replace("System.Nullable`1[", string.Empty, StringComparison.Ordinal).TrimEnd(']');
        return type switch
        {
            "System.String" => "a string",
            "System.Boolean" => "true or false",
            "System.Double" or "System.Single" => "a number",
            "System.Int32" or "System.Int64" => "an integer",
            "System.UInt32" or "System.UInt64" => "a non-negative integer",
            _ when type.Contains("IReadOnlyList", StringComparison.Ordinal) => "an array",
            _ when type.Contains("IReadOnlyDictionary", StringComparison.Ordinal) => "an object (map)",
            _ => "an object",
        };
    }
}
