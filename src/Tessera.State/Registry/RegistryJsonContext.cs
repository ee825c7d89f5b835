using System.Text.Json.Serialization;

namespace Tessera.State.Registry;

/// <summary>Source-generated JSON for the stored registry documents (no reflection, trimming-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(StoredAgent))]
[JsonSerializable(typeof(StoredQuota))]
[JsonSerializable(typeof(StoredWeight))]
[JsonSerializable(typeof(StoredMaintenance))]
[JsonSerializable(typeof(StoredFormat))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
