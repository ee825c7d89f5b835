using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Tessera.Jobs.Api;
using Tessera.Jobs.Updates;

namespace Tessera.Benchmarks;

/// <summary>
/// <c>jobs-update [--agents 100] [--instances 1000] [--batch 50]</c>: a service of M <c>sleep 600</c>
/// instances on N in-process agents (<see cref="JobsBenchCluster"/>) is updated to <c>sleep 601</c>
/// with batches of B and watch 0; prints the time from <c>POST …/update</c> to ROLLED_FORWARD.
/// </summary>
internal static class JobsUpdateScale
{
    public static async Task<int> Run(string[] args, TextWriter output)
    {
        var options = new BenchArgs(args);
        var agentCount = options.Int("--agents", 100);
        var instances = options.Int("--instances", 1000);
        var batch = options.Int("--batch", 50);
        var perHost = (instances + agentCount - 1) / agentCount + 1;
        await using var cluster = await JobsBenchCluster.StartAsync(agentCount, perHost, "posix", output);
        var job = JobsCreateScale.Job(instances, perHost);
        using (var created = await cluster.Http.PostAsJsonAsync("/api/jobs", job, JobsApiJsonContext.Default.JobSpec))
        {
            if (!created.IsSuccessStatusCode)
                throw new InvalidOperationException("create: " + await created.Content.ReadAsStringAsync());
        }
        await Until(output, async () =>
            (await cluster.Http.GetFromJsonAsync("/api/jobs", JobsApiJsonContext.Default.ImmutableArrayJobSummary))
                .Single().States.GetValueOrDefault("RUNNING") == instances, "all RUNNING");
        output.WriteLine($"{instances} instances RUNNING; updating in batches of {batch}, watch 0");

        var clock = Stopwatch.StartNew();
        var request = new UpdateStartRequest(JobsCreateScale.Job(instances, perHost, "sleep 601"),
            new UpdateSettings(UpdateStrategy.Batch, [batch], WatchSecs: 0));
        using (var started = await cluster.Http.PostAsJsonAsync($"/api/jobs/{job.Key}/update", request,
                   JobsApiJsonContext.Default.UpdateStartRequest))
        {
            if (!started.IsSuccessStatusCode)
                throw new InvalidOperationException("update: " + await started.Content.ReadAsStringAsync());
        }
        UpdateDetails? last = null;
        await Until(output, async () =>
        {
            last = await cluster.Http.GetFromJsonAsync($"/api/jobs/{job.Key}/update",
                JobsApiJsonContext.Default.UpdateDetails);
            return !last!.Summary.Status.IsActive();
        }, "the update to end");
        var took = last!.Summary.Since - last.Summary.CreatedAt;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"jobs update: instances={instances} agents={agentCount} batch={batch} status={last.Summary.Status} "
            + $"s={took.TotalSeconds:0.00} (seen by the client at {clock.Elapsed.TotalSeconds:0.00} s) "
            + $"rate={instances / took.TotalSeconds:0} instances/s"));
        await PhasesAsync(cluster.Http, job.Key, instances, output);
        return last.Summary.Status == UpdateStatus.ROLLED_FORWARD ? 0 : 1;
    }

    /// <summary>
    /// Where an instance's time went, the median over every 10th instance (task events, scheduler
    /// clock): the old task's KILLING → KILLED, KILLED → the new task created, created → ASSIGNED,
    /// ASSIGNED → RUNNING.
    /// </summary>
    private static async Task PhasesAsync(HttpClient http, Tessera.Jobs.JobKey key, int instances, TextWriter output)
    {
        var phases = new List<double>[4];
        for (var p = 0; p < phases.Length; p++) phases[p] = [];
        for (var i = 0; i < instances; i += 10)
        {
            var history = (await http.GetFromJsonAsync($"/api/jobs/{key}/tasks/{i}/history",
                JobsApiJsonContext.Default.TaskHistory))!;
            if (history.Tasks.Length < 2) continue;
            var (old, neu) = (history.Tasks[^2], history.Tasks[^1]);
            DateTimeOffset At(TaskRecord t, Tessera.Jobs.Scheduling.ScheduleStatus s) =>
                t.Events.First(e => e.Status == s).At;
            var killing = At(old, Tessera.Jobs.Scheduling.ScheduleStatus.KILLING);
            var killed = old.Events[^1].At;
            var created = neu.Events[0].At;
            var assigned = At(neu, Tessera.Jobs.Scheduling.ScheduleStatus.ASSIGNED);
            var running = At(neu, Tessera.Jobs.Scheduling.ScheduleStatus.RUNNING);
            phases[0].Add((killed - killing).TotalMilliseconds);
            phases[1].Add((created - killed).TotalMilliseconds);
            phases[2].Add((assigned - created).TotalMilliseconds);
            phases[3].Add((running - assigned).TotalMilliseconds);
        }
        static double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per instance (median ms): kill {Median(phases[0]):0}, killed to created {Median(phases[1]):0}, "
            + $"created to assigned {Median(phases[2]):0}, assigned to running {Median(phases[3]):0}"));
    }

    private static async Task Until(TextWriter output, Func<Task<bool>> done, string what)
    {
        var clock = Stopwatch.StartNew();
        var report = TimeSpan.FromSeconds(10);
        while (!await done())
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException($"waited 10 minutes for {what}");
            if (clock.Elapsed > report)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {clock.Elapsed.TotalSeconds:0} s: waiting for {what}"));
                report += TimeSpan.FromSeconds(10);
            }
            await Task.Delay(100);
        }
    }
}
