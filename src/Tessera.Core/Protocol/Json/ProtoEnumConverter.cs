using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tessera.Core.Protocol.Json;

/// <summary>
/// Writes and reads a proto enum by its member name, exactly as written (<c>"TASK_RUNNING"</c>).
/// An unknown name maps to the member named <c>UNKNOWN</c> when the enum has one (as protobuf
/// leaves such a field unset, whose getter yields <c>UNKNOWN</c>); otherwise it is an error.
/// </summary>
public sealed class ProtoEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private static readonly Dictionary<string, T> ByName = BuildByName();
    private static readonly Dictionary<T, JsonEncodedText> ByValue = BuildByValue();
    private static readonly T? Unknown = ByName.TryGetValue("UNKNOWN", out var u) ? u : null;

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected a {typeof(T).Name} name as a string, not {Shape(reader.TokenType)}");
        }

        var name = reader.GetString()!;
        if (ByName.TryGetValue(name, out var value))
        {
            return value;
        }

        return Unknown ?? throw new JsonException($"'{name}' is not a known {typeof(T).Name} value");
    }

    private static string Shape(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        _ => "null",
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (!ByValue.TryGetValue(value, out var name))
        {
            throw new JsonException($"{value} is not a defined {typeof(T).Name} value");
        }

        writer.WriteStringValue(name);
    }

    private static Dictionary<string, T> BuildByName()
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var value in Enum.GetValues<T>())
        {
            map[Enum.GetName(value)!] = value;
        }

        return map;
    }

    private static Dictionary<T, JsonEncodedText> BuildByValue()
    {
        var map = new Dictionary<T, JsonEncodedText>();
        foreach (var value in Enum.GetValues<T>())
        {
            map.TryAdd(value, JsonEncodedText.Encode(Enum.GetName(value)!));
        }

        return map;
    }
}
