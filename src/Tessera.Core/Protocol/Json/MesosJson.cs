using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tessera.Core.Json;

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

    /// <summary>
    /// Parses UTF-8 <paramref name="utf8Json"/> after <see cref="StrictJson"/>'s checks (UTF-8, no lone
    /// surrogates, no duplicate keys, no null array elements); throws <see cref="MesosJsonException"/>
    /// naming the field and the rule on bad input.
    /// </summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json)
    {
        var typeInfo = TypeInfo<T>();
        if (StrictJson.Check(utf8Json, path => JsonErrorText.IsMapEntry(typeInfo, path)) is { } problem)
        {
            var rule = problem.Kind == JsonProblemKind.NullElement
                ? $"must be {JsonErrorText.ExpectedAt(typeInfo, problem.Path)}, not null"
                : problem.Rule;
            throw new MesosJsonException(problem.Path, rule);
        }
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(utf8Json, typeInfo);
        }
        catch (JsonException ex)
        {
            throw new MesosJsonException(ex.Path ?? "$", JsonErrorText.Describe(typeInfo, ex), ex);
        }

        return value ?? throw new MesosJsonException("$", "expected a JSON object, got null");
    }

    private static JsonTypeInfo<T> TypeInfo<T>() =>
        Options.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new NotSupportedException($"{typeof(T)} is not a Mesos wire type");
}
