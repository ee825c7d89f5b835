using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tessera.Core.Protocol.Json;

/// <summary>
/// Doubles as stout writes and reads them: the shortest round-trip form, with <c>.0</c> appended
/// to integral values (<c>4.0</c>, <c>0.5</c>); reads numbers, numeric strings and
/// <c>"Infinity"</c>, <c>"-Infinity"</c>, <c>"NaN"</c>.
/// </summary>
public sealed class MesosDoubleConverter : JsonConverter<double>
{
    /// <inheritdoc />
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetDouble(out var number))
            {
                return number;
            }

            throw new JsonException("number is out of range for a double");
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected a number, got {reader.TokenType}");
        }

        var text = reader.GetString()!;
        switch (text)
        {
            case "Infinity":
            case "inf":
                return double.PositiveInfinity;
            case "-Infinity":
            case "-inf":
                return double.NegativeInfinity;
            case "NaN":
            case "nan":
                return double.NaN;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw new JsonException($"'{text}' is not a number");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsNaN(value))
        {
            writer.WriteStringValue("NaN");
            return;
        }

        if (double.IsInfinity(value))
        {
            writer.WriteStringValue(value > 0 ? "Infinity" : "-Infinity");
            return;
        }

        writer.WriteRawValue(Format(value), skipInputValidation: true);
    }

    /// <summary>Formats a finite double as Tessera writes it on the wire.</summary>
    public static string Format(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.AsSpan().IndexOfAny('.', 'E', 'e') >= 0 ? text : text + ".0";
    }
}
