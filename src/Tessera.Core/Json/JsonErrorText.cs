using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tessera.Core.Json;

/// <summary>
/// Turns a System.Text.Json binding failure into a rule in words for the field at its path
/// (<c>expected a number</c>, <c>missing required field 'user'</c>), without the CLR type names,
/// line numbers and byte positions its messages carry. The expected type is read from the
/// serializer's metadata along the path.
/// </summary>
public static class JsonErrorText
{
    /// <summary>The rule <paramref name="e"/> reports for a value bound to <paramref name="root"/>.</summary>
    public static string Describe(JsonTypeInfo root, JsonException e)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(e);
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var text = cut >= 0 ? message[..cut] : message;
        if (text.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal))
            return "expected " + ExpectedAt(root, e.Path ?? "$");
        const string missing = "was missing required properties including: ";
        var at = text.IndexOf(missing, StringComparison.Ordinal);
        if (at >= 0) return "missing required field " + text[(at + missing.Length)..].TrimEnd('.');
        if (text.Contains("doesn't allow setting null values", StringComparison.Ordinal)
            || text.Contains("non-nullable", StringComparison.Ordinal))
            return "must not be null";
        // Our own converters throw JsonExceptions whose message is already a rule in words.
        return text.Contains("System.", StringComparison.Ordinal) || text.Contains("Tessera.", StringComparison.Ordinal)
            ? "expected " + ExpectedAt(root, e.Path ?? "$")
            : text.TrimEnd('.');
    }

    /// <summary>
    /// True when the value at <paramref name="path"/> is an entry of a map (a dictionary), where null is no value.
    /// </summary>
    public static bool IsMapEntry(JsonTypeInfo root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        var segments = JsonPaths.Segments(path);
        return segments.Count > 0
            && TypeAt(root, segments.Take(segments.Count - 1)) is { Kind: JsonTypeInfoKind.Dictionary };
    }

    /// <summary>
    /// What the value at <paramref name="path"/> must be, in words (<c>an object</c>, <c>a string</c>).
    /// </summary>
    public static string ExpectedAt(JsonTypeInfo root, string path) => Expected(TypeAt(root, JsonPaths.Segments(path)));

    /// <summary>
    /// Follows path segments through the metadata to the expected type (a map's keys and an array's indices lead
    /// to the element).
    /// </summary>
    private static JsonTypeInfo? TypeAt(JsonTypeInfo root, IEnumerable<object> segments)
    {
        JsonTypeInfo? current = root;
        foreach (var segment in segments)
        {
            if (current is null) return null;
            if (segment is int || current.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary)
            {
                current = current.ElementType is { } element ? root.Options.GetTypeInfo(element) : null;
                continue;
            }
            var property = current.Properties.FirstOrDefault(p => p.Name == (string)segment);
            current = property is null ? null : root.Options.GetTypeInfo(property.PropertyType);
        }
        return current;
    }

    private static string Expected(JsonTypeInfo? info)
    {
        if (info is null) return "a value of another type";
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (type == typeof(string)) return "a string";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return "a number";
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return "an integer";
        if (type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort)) return "a non-negative integer";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "an ISO 8601 time string";
        if (type.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(type).Take(12));
        return info.Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Dictionary => "an object (map)",
            JsonTypeInfoKind.Object => "an object",
            _ => type == typeof(Protocol.ByteString) ? "a base64 string" : "a value of another type",
        };
    }
}
