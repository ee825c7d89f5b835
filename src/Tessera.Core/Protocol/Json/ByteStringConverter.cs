using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tessera.Core.Protocol.Json;

/// <summary>Proto <c>bytes</c> as a base64 JSON string.</summary>
public sealed class ByteStringConverter : JsonConverter<ByteString>
{
    /// <inheritdoc />
    public override ByteString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected a base64 string, got {reader.TokenType}");
        }

        if (!reader.TryGetBytesFromBase64(out var bytes))
        {
            throw new JsonException("value is not valid base64");
        }

        return ByteString.Wrap(bytes);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ByteString value, JsonSerializerOptions options) =>
        writer.WriteBase64StringValue(value.Span);
}
