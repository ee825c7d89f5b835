using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Api;

/// <summary>Source-generated JSON of the jobs REST API (snake_case, enums by name), shared with the CLI.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    WriteIndented = true)]
[JsonSerializable(typeof(JobSpec))]
[JsonSerializable(typeof(JobStatus))]
[JsonSerializable(typeof(ImmutableArray<JobSummary>))]
[JsonSerializable(typeof(TaskHistory))]
[JsonSerializable(typeof(InstancesRequest))]
[JsonSerializable(typeof(RestartRequest))]
[JsonSerializable(typeof(AddRequest))]
[JsonSerializable(typeof(ActionResult))]
[JsonSerializable(typeof(JobDiff))]
[JsonSerializable(typeof(UpdateStartRequest))]
[JsonSerializable(typeof(UpdateStarted))]
[JsonSerializable(typeof(UpdateSummary))]
[JsonSerializable(typeof(ImmutableArray<UpdateSummary>))]
[JsonSerializable(typeof(UpdateDetails))]
[JsonSerializable(typeof(CronRequest))]
[JsonSerializable(typeof(CronStatus))]
public sealed partial class JobsApiJsonContext : JsonSerializerContext;
