using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Tessera.Core.Json;
using Tessera.Http;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Api;

/// <summary>
/// Request bodies of the jobs API, read and decoded whole before the scheduler sees them: JSON by
/// Content-Type, at most 1 MiB, strict (<see cref="StrictJson"/>), every refusal one line naming the
/// field and the rule (<c>template.resources.cpus: expected a number</c>).
/// </summary>
internal static class JobsRequest
{
    public static readonly BodyRules Spec = new("the jobs API", 1024 * 1024);

    /// <summary>Calls whose body is optional (kill, restart: empty means all instances).</summary>
    public static readonly BodyRules Optional = Spec with { EmptyAllowed = true };

    /// <summary>
    /// A body of <paramref name="type"/>; an empty one is <paramref name="whenEmpty"/> (null: required).
    /// </summary>
    public static async Task<ApiOutcome<T>> ReadAsync<T>(HttpContext http, JsonTypeInfo<T> type, T? whenEmpty)
        where T : class
    {
        var read = await JsonBody.ReadAsync(http, whenEmpty is null ? Spec : Optional, body =>
            body.IsEmpty ? BodyRead<T>.Ok(whenEmpty!) : Decode(body, type));
        return Outcome(read);
    }

    /// <summary>
    /// A job spec; a missing <c>template.job</c>, <c>instance_id</c>, <c>ports</c> or
    /// <c>constraints</c> is filled in. With <paramref name="key"/> (the URL's), a missing <c>key</c>
    /// is that one and another one is refused.
    /// </summary>
    public static async Task<ApiOutcome<JobSpec>> ReadJobAsync(HttpContext http, JobKey? key = null)
    {
        var read = await JsonBody.ReadAsync(http, Spec, body => DecodeJob(body, key));
        if (Outcome(read) is { Problem: { } problem }) return problem;
        var spec = read.Value!;
        if (JobSpecRules.Problem(spec) is { } invalid) return ApiProblem.BadRequest(invalid);
        if (key is not null && spec.Key != key)
            return ApiProblem.BadRequest($"key: the body's key {spec.Key} is not {key} (the URL's)");
        return ApiOutcome<JobSpec>.Ok(spec);
    }

    /// <summary>
    /// A request that carries a job spec under <c>job</c> (an update's start, a cron schedule):
    /// defaults filled in as for a create, the key the URL's.
    /// </summary>
    public static async Task<ApiOutcome<T>> ReadWithJobAsync<T>(HttpContext http, JobKey key, JsonTypeInfo<T> type,
        Func<T, JobSpec> job) where T : class
    {
        var read = await JsonBody.ReadAsync(http, Spec, body => DecodeWithJob(body, key, type));
        if (Outcome(read) is { Problem: { } problem }) return problem;
        var request = read.Value!;
        if (JobSpecRules.Problem(job(request)) is { } invalid) return ApiProblem.BadRequest("job." + invalid);
        if (job(request).Key != key)
            return ApiProblem.BadRequest($"job.key: the body's key {job(request).Key} is not {key} (the URL's)");
        return ApiOutcome<T>.Ok(request);
    }

    private static BodyRead<T> DecodeWithJob<T>(ReadOnlyMemory<byte> body, JobKey key, JsonTypeInfo<T> type) where T : class =>
        DecodeObject(body, type, request => { if (request["job"] is JsonObject job) FillDefaults(job, key); },
            "must be a JSON object with the job under 'job'", "must be an object, not null");

    private static BodyRead<T> Decode<T>(ReadOnlyMemory<byte> body, JsonTypeInfo<T> type) where T : class
    {
        if (StrictJson.Check(body.Span, path => JsonErrorText.IsMapEntry(type, path)) is { } problem)
            return Refused<T>(problem.Path, Rule(problem, type));
        try
        {
            return JsonSerializer.Deserialize(body.Span, type) is { } value
                ? BodyRead<T>.Ok(value)
                : Refused<T>("$", "must be a JSON object, not null");
        }
        catch (JsonException e)
        {
            return Refused<T>(e.Path ?? "$", JsonErrorText.Describe(type, e));
        }
    }

    private static BodyRead<JobSpec> DecodeJob(ReadOnlyMemory<byte> body, JobKey? key) =>
        DecodeObject(body, JobsApiJsonContext.Default.JobSpec, job => FillDefaults(job, key),
            "must be a JSON object (a job spec)", "must be a job spec, not null");

    /// <summary>A JSON object checked strictly, completed by <paramref name="fill"/>, then bound to <paramref name="type"/>.</summary>
    private static BodyRead<T> DecodeObject<T>(ReadOnlyMemory<byte> body, JsonTypeInfo<T> type, Action<JsonObject> fill,
        string notObject, string isNull) where T : class
    {
        if (StrictJson.Check(body.Span, path => JsonErrorText.IsMapEntry(type, path)) is { } problem)
            return Refused<T>(problem.Path, Rule(problem, type));
        if (JsonNode.Parse(body.Span) is not JsonObject node)
            return Refused<T>("$", notObject);
        fill(node);
        try
        {
            return node.Deserialize(type) is { } value ? BodyRead<T>.Ok(value) : Refused<T>("$", isNull);
        }
        catch (JsonException e)
        {
            return Refused<T>(e.Path ?? "$", JsonErrorText.Describe(type, e));
        }
    }

    private static void FillDefaults(JsonObject job, JobKey? key)
    {
        if (key is not null && job["key"] is null)
            job["key"] = new JsonObject
            {
                ["cluster"] = key.Cluster, ["role"] = key.Role, ["environment"] = key.Environment, ["name"] = key.Name
            };
        if (job["template"] is not JsonObject template) return;
        if (template["job"] is null && job["key"] is JsonNode keyNode) template["job"] = keyNode.DeepClone();
        template["instance_id"] ??= 0;
        template["ports"] ??= new JsonArray();
        template["constraints"] ??= new JsonObject();
    }

    private static string Rule(JsonProblem problem, JsonTypeInfo type) =>
        problem.Kind == JsonProblemKind.NullElement
            ? $"must be {JsonErrorText.ExpectedAt(type, problem.Path)}, not null"
            : problem.Rule;

    private static BodyRead<T> Refused<T>(string path, string rule) =>
        BodyRead<T>.Refused(400, $"{JsonPaths.Field(path)}: {rule}");

    private static ApiOutcome<T> Outcome<T>(BodyRead<T> read) =>
        read.IsRefused ? new ApiProblem(read.Status, read.Problem!) : ApiOutcome<T>.Ok(read.Value!);
}
