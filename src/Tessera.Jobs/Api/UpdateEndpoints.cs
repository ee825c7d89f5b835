using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tessera.Jobs.Host;
using static Tessera.Jobs.Api.JobsEndpoints;

#pragma warning disable ASP0016 // as in JobsEndpoints: the lambdas handed to WithKey are not request delegates

namespace Tessera.Jobs.Api;

/// <summary>The job update calls of the jobs API (<c>docs/jobs-api.md</c>, "Updates").</summary>
internal static class UpdateEndpoints
{
    public static void Map(IEndpointRouteBuilder app, JobsScheduler scheduler)
    {
        app.MapPost(JobPath + "/update", (HttpContext http) => StartAsync(http, scheduler));
        app.MapGet(JobPath + "/update", (HttpContext http) => WithKey(http, key =>
            scheduler.AskAsync(core => core.UpdateInfo(key, null), http.RequestAborted),
            JobsApiJsonContext.Default.UpdateDetails));
        app.MapGet(JobPath + "/updates", (HttpContext http) => WithKey(http, key =>
            scheduler.AskAsync(core => core.Updates(key, null, http.Request.Query["status"]), http.RequestAborted),
            JobsApiJsonContext.Default.ImmutableArrayUpdateSummary));
        app.MapGet(JobPath + "/updates/{id}", (HttpContext http) => WithKey(http, key =>
            scheduler.AskAsync(core => core.UpdateInfo(key, (string)http.GetRouteValue("id")!), http.RequestAborted),
            JobsApiJsonContext.Default.UpdateDetails));
        app.MapPost(JobPath + "/update/{action}", (HttpContext http) => WithKey(http, key =>
            scheduler.AskAsync((core, ct) => core.ControlUpdateAsync(key, (string)http.GetRouteValue("action")!, ct),
                http.RequestAborted, "update " + http.GetRouteValue("action")),
            JobsApiJsonContext.Default.UpdateSummary));
        app.MapGet("/api/updates", async (HttpContext http) =>
        {
            var listed = await scheduler.AskAsync(
                core => core.Updates(null, http.Request.Query["role"], http.Request.Query["status"]),
                http.RequestAborted);
            if (listed.Problem is { } problem)
            {
                await WriteProblemAsync(http, problem);
                return;
            }
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(
                JsonSerializer.Serialize(listed.Value, JobsApiJsonContext.Default.ImmutableArrayUpdateSummary),
                http.RequestAborted);
        });
    }

    /// <summary>201 with the update's id when one started; 200 with no id when there was nothing to update.</summary>
    private static Task StartAsync(HttpContext http, JobsScheduler scheduler) => WithKey(http, async key =>
    {
        var parsed = await JobsRequest.ReadWithJobAsync(http, key, JobsApiJsonContext.Default.UpdateStartRequest, r => r.Job);
        if (parsed.Problem is { } problem) return problem;
        var started = await scheduler.AskAsync((core, ct) => core.StartUpdateAsync(parsed.Value!, ct),
            http.RequestAborted, "update start");
        if (started.Value is { UpdateId: not null }) http.Response.StatusCode = StatusCodes.Status201Created;
        return started;
    }, JobsApiJsonContext.Default.UpdateStarted);
}
