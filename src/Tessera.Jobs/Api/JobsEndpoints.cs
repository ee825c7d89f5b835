using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tessera.Jobs.Host;
using Tessera.Jobs.Scheduling;

// ASP0016 mistakes the per-key lambdas handed to WithKey (which writes their answer) for request delegates.
#pragma warning disable ASP0016

namespace Tessera.Jobs.Api;

/// <summary>
/// The jobs REST API (<c>docs/jobs-api.md</c>): JSON in and out (snake_case); refusals are 4xx
/// with one text/plain line naming the field and the rule, and change nothing.
/// </summary>
internal static class JobsEndpoints
{
    internal const string JobPath = "/api/jobs/{cluster}/{role}/{env}/{name}";
    public static void Map(IEndpointRouteBuilder app, JobsScheduler scheduler)
    {
        app.MapPost("/api/jobs", (HttpContext http) => CreateAsync(http, scheduler));
        app.MapGet("/api/jobs", (HttpContext http) => ListAsync(http, scheduler));
        app.MapGet(JobPath, (HttpContext http) => WithKey(http, key =>
            scheduler.AskAsync(core => core.Status(key), http.RequestAborted), JobsApiJsonContext.Default.JobStatus));
        app.MapGet(JobPath + "/tasks/{instance}/history", (HttpContext http) => WithKey(http, async key =>
        {
            if (!int.TryParse((string?)http.GetRouteValue("instance"), out var instance) || instance < 0)
                return ApiProblem.BadRequest($"instance: '{http.GetRouteValue("instance")}' must be a whole number of at least 0");
            return await scheduler.AskAsync(core => core.History(key, instance), http.RequestAborted);
        }, JobsApiJsonContext.Default.TaskHistory));
        app.MapGet(JobPath + "/config", (HttpContext http) => WithKey(http, key =>
            scheduler.AskAsync(core => core.Config(key), http.RequestAborted), JobsApiJsonContext.Default.JobSpec));
        app.MapPost(JobPath + "/diff", (HttpContext http) => WithKey(http, async key =>
        {
            var parsed = await JobsRequest.ReadJobAsync(http, key);
            if (parsed.Problem is { } problem) return problem;
            return await scheduler.AskAsync(core => core.Diff(key, parsed.Value!), http.RequestAborted);
        }, JobsApiJsonContext.Default.JobDiff));
        app.MapPost(JobPath + "/kill", (HttpContext http) => WithKey(http, async key =>
        {
            var body = await JobsRequest.ReadAsync(http, JobsApiJsonContext.Default.InstancesRequest,
                new InstancesRequest(All: true));
            if (body.Problem is { } problem) return problem;
            var request = body.Value!;
            IReadOnlyList<int>? instances = request.All || request.Instances is null ? null : request.Instances.Value;
            return await scheduler.AskAsync((core, ct) => core.KillAsync(key, instances, removeJob: false, ct), http.RequestAborted, "kill");
        }, JobsApiJsonContext.Default.ActionResult));
        app.MapPost(JobPath + "/killall", (HttpContext http) => WithKey(http, key =>
            scheduler.AskAsync((core, ct) => core.KillAsync(key, null, removeJob: true, ct), http.RequestAborted, "killall"),
            JobsApiJsonContext.Default.ActionResult));
        app.MapPost(JobPath + "/restart", (HttpContext http) => WithKey(http, async key =>
        {
            var body = await JobsRequest.ReadAsync(http, JobsApiJsonContext.Default.RestartRequest,
                new RestartRequest(All: true));
            if (body.Problem is { } problem) return problem;
            return await scheduler.AskAsync((core, ct) => core.RestartAsync(key, body.Value!, ct), http.RequestAborted, "restart");
        }, JobsApiJsonContext.Default.ActionResult));
        app.MapPost(JobPath + "/restart/abort", (HttpContext http) => WithKey(http, key =>
            scheduler.AskAsync((core, ct) => core.AbortRestartAsync(key, ct), http.RequestAborted, "restart abort"),
            JobsApiJsonContext.Default.ActionResult));
        app.MapPost(JobPath + "/add", (HttpContext http) => WithKey(http, async key =>
        {
            var body = await JobsRequest.ReadAsync(http, JobsApiJsonContext.Default.AddRequest, null);
            if (body.Problem is { } problem) return problem;
            return await scheduler.AskAsync((core, ct) => core.AddAsync(key, body.Value!.Instance, body.Value.Count, ct), http.RequestAborted, "add");
        }, JobsApiJsonContext.Default.ActionResult));
        UpdateEndpoints.Map(app, scheduler);
        CronEndpoints.Map(app, scheduler);
    }

    private static async Task CreateAsync(HttpContext http, JobsScheduler scheduler)
    {
        var parsed = await JobsRequest.ReadJobAsync(http);
        if (parsed.Problem is { } invalid)
        {
            await WriteProblemAsync(http, invalid);
            return;
        }
        var created = await scheduler.AskAsync((core, ct) => core.CreateAsync(parsed.Value!, ct), http.RequestAborted, "create");
        if (created.Problem is { } refused)
        {
            await WriteProblemAsync(http, refused);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status201Created;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(JsonSerializer.Serialize(created.Value!, JobsApiJsonContext.Default.ActionResult), http.RequestAborted);
    }

    private static async Task ListAsync(HttpContext http, JobsScheduler scheduler)
    {
        var role = http.Request.Query["role"].ToString();
        var env = http.Request.Query["env"].ToString();
        var jobs = await scheduler.AskAsync(core => core.List(role, env), http.RequestAborted);
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(JsonSerializer.Serialize(jobs, JobsApiJsonContext.Default.ImmutableArrayJobSummary), http.RequestAborted);
    }

    internal static async Task WithKey<T>(HttpContext http, Func<JobKey, Task<ApiOutcome<T>>> body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        var text = $"{http.GetRouteValue("cluster")}/{http.GetRouteValue("role")}/{http.GetRouteValue("env")}/{http.GetRouteValue("name")}";
        if (!JobKey.TryParse(text, out var key, out var error))
        {
            await WriteProblemAsync(http, ApiProblem.BadRequest($"key: {error}"));
            return;
        }
        var outcome = await body(key!);
        if (outcome.Problem is { } problem)
        {
            await WriteProblemAsync(http, problem);
            return;
        }
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(JsonSerializer.Serialize(outcome.Value!, type), http.RequestAborted);
    }

    internal static async Task WriteProblemAsync(HttpContext http, ApiProblem problem)
    {
        http.Response.StatusCode = problem.StatusCode;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(Tessera.Http.Refusals.OneLine(problem.Message) + "\n", http.RequestAborted);
    }
}
