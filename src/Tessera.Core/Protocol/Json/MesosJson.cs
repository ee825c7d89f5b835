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
            throw new MesosJsonException(ex.Path ?? "$", Describe(TypeInfo<T>(), ex.Path, ex.Message), ex);
        }

        return value ?? throw new MesosJsonException("$", "expected a JSON object, got null");
    }

    private static JsonTypeInfo<T> TypeInfo<T>() =>
        Options.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new NotSupportedException($"{typeof(T)} is not a Mesos wire type");

    /// <summary>Turns System.Text.Json's message into a short rule without CLR type names or positions.</summary>
    private static string Describe(JsonTypeInfo root, string? path, string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var text = cut >= 0 ? message[..cut] : message;
        if (text.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal))
        {
            return "expected " + Expected(TypeAt(root, path ?? "$"));
        }

        const string missing = "was missing required properties including: ";
        var at = text.IndexOf(missing, StringComparison.Ordinal);
        if (at >= 0)
        {
            return "missing required field " + text[(at + missing.Length)..].TrimEnd('.');
        }

        const string disallowsNull = "doesn't allow setting null values";
        if (text.Contains(disallowsNull, StringComparison.Ordinal))
        {
            return "a required field may not be null";
        }

        return text.TrimEnd('.');
    }

    /// <summary>Follows a JSON path such as <c>$.a.b[0].c</c> through the metadata to the expected type.</summary>
    private static JsonTypeInfo? TypeAt(JsonTypeInfo root, string path)
    {
        JsonTypeInfo? current = root;
        var segments = path.TrimStart('$').Split(['.', '['], StringSplitOptions.RemoveEmptyEntries);
        foreach (var segment in segments)
        {
            if (current is null)
            {
                return null;
            }

            if (segment.EndsWith(']') || current.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary)
            {
                current = current.ElementType is { } element ? Options.GetTypeInfo(element) : null;
                continue;
            }

            var property = current.Properties.FirstOrDefault(p => p.Name == segment);
            current = property is null ? null : Options.GetTypeInfo(property.PropertyType);
        }

        return current;
    }

    private static string Expected(JsonTypeInfo? info)
    {
        if (info is null)
        {
            return "a value of another type";
        }

        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(double) || type == typeof(float))
        {
            return "a number";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return "an integer";
        }

        if (type == typeof(uint) || type == typeof(ulong))
        {
            return "a non-negative integer";
        }

        if (type.IsEnum)
        {
            return "an enum name string";
        }

        if (type == typeof(ByteString))
        {
            return "a base64 string";
        }

        return info.Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Dictionary => "an object (map)",
            _ => "an object",
        };
    }
}
