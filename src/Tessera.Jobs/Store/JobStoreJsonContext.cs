using System.Text.Json.Serialization;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Store;

/// <summary>Source-generated JSON for the stored job documents (snake_case, enums by name).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(JobSpec))]
[JsonSerializable(typeof(ScheduledTask))]
[JsonSerializable(typeof(Updates.JobUpdate))]
[JsonSerializable(typeof(Cron.CronJob))]
[JsonSerializable(typeof(StoredFormat))]
[JsonSerializable(typeof(StoredFrameworkId))]
internal sealed partial class JobStoreJsonContext : JsonSerializerContext;
