using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tessera.Jobs.Host;
using static Tessera.Jobs.Api.JobsEndpoints;

#pragma warning disable ASP0016 // as in JobsEndpoints: the lambdas handed to WithKey are not request delegates

namespace Tessera.Jobs.Api;

/// <summary>The cron calls of the jobs API (<c>docs/jobs-api.md</c>, "Cron jobs").</summary>
internal static class CronEndpoints
{
    public static void Map(IEndpointRouteBuilder app, JobsScheduler scheduler)
    {
        app.MapPost(JobPath + "/cron", (HttpContext http) => WithKey(http, async key =>
        {
            var parsed = await JobsRequest.ReadWithJobAsync(http, key, JobsApiJsonContext.Default.CronRequest, r => r.Job);
            if (parsed.Problem is { } problem) return problem;
            return await scheduler.AskAsync((core, ct) => core.ScheduleCronAsync(parsed.Value!, ct), http.RequestAborted,
                "cron schedule");
        }, JobsApiJsonContext.Default.CronStatus));
        app.MapGet(JobPath + "/cron", (HttpContext http) => WithKey(http, key =>
            scheduler.AskAsync(core => core.CronInfo(key), http.RequestAborted), JobsApiJsonContext.Default.CronStatus));
        app.MapPost(JobPath + "/cron/deschedule", (HttpContext http) => WithKey(http, key =>
            scheduler.AskAsync((core, ct) => core.DescheduleCronAsync(key, ct), http.RequestAborted, "cron deschedule"),
            JobsApiJsonContext.Default.CronStatus));
        app.MapPost(JobPath + "/cron/start", (HttpContext http) => WithKey(http, key =>
            scheduler.AskAsync((core, ct) => core.StartCronAsync(key, ct), http.RequestAborted, "cron start"),
            JobsApiJsonContext.Default.CronStatus));
    }
}
