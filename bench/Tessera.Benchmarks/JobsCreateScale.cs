using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Tessera.Jobs;
using Tessera.Jobs.Api;
using Tessera.Jobs.Scheduling;

namespace Tessera.Benchmarks;

/// <summary>
/// <c>jobs-create [--agents 100] [--instances 1000] [--isolation posix|auto]</c>: the whole path
/// from <c>POST /api/jobs</c> to every instance RUNNING, all real and in this process: a master,
/// N agents (hostnames agent-0 …, one process each task), the jobs scheduler and its API. One
/// service of M instances running <c>sleep 600</c> as plain command tasks, at most
/// ceil(M/N) + 1 per host. Prints when all were ASSIGNED (placement) and when all were RUNNING,
/// and the rate of each (Aurora publishes ~876 tasks/s of placement).
/// </summary>
internal static class JobsCreateScale
{
    public static async Task<int> Run(string[] args, TextWriter output)
    {
        var options = new BenchArgs(args);
        var agentCount = options.Int("--agents", 100);
        var instances = options.Int("--instances", 1000);
        var i = Array.IndexOf(args, "--isolation");
        var isolation = i >= 0 && i + 1 < args.Length ? args[i + 1] : "posix";
        var perHost = (instances + agentCount - 1) / agentCount + 1;
        await using var cluster = await JobsBenchCluster.StartAsync(agentCount, perHost, isolation, output);
        var http = cluster.Http;
        var clock = Stopwatch.StartNew();
        var job = Job(instances, perHost);
        using (var created = await http.PostAsJsonAsync("/api/jobs", job, JobsApiJsonContext.Default.JobSpec))
            if (!created.IsSuccessStatusCode) throw new InvalidOperationException("create: " + await created.Content.ReadAsStringAsync());
        var posted = clock.Elapsed;
        TimeSpan? assigned = null, firstPlaced = null;
        var report = TimeSpan.FromSeconds(5);
        while (true)
        {
            var summary = (await http.GetFromJsonAsync("/api/jobs", JobsApiJsonContext.Default.ImmutableArrayJobSummary)).Single();
            if (clock.Elapsed > report)
            {
                report += TimeSpan.FromSeconds(5);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds:0} s: {string.Join(", ", summary.States.Select(p => $"{p.Key} {p.Value}"))}"));
            }
            var placed = instances - summary.States.GetValueOrDefault("PENDING") - summary.States.GetValueOrDefault("THROTTLED");
            if (firstPlaced is null && placed > 0) firstPlaced = clock.Elapsed;
            if (assigned is null && placed == instances) assigned = clock.Elapsed;
            if (summary.States.GetValueOrDefault("RUNNING") == instances) break;
            if (clock.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("not all RUNNING in 10 minutes: " + string.Join(", ", summary.States));
            await Task.Delay(50);
        }
        var running = clock.Elapsed;
        // Placement as the scheduler did it: from the tasks' creation to the last ASSIGNED, on
        // its own clock (the summary above is answered by the same loop, so it lags).
        var status = (await http.GetFromJsonAsync($"/api/jobs/{job.Key}", JobsApiJsonContext.Default.JobStatus))!;
        var createdAt = status.InstanceStatuses.Min(i => i.Events[0].At);
        var lastAssigned = status.InstanceStatuses.Max(i => i.Events.First(e => e.Status == ScheduleStatus.ASSIGNED).At);
        var placement = lastAssigned - createdAt;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"create accepted in {posted.TotalMilliseconds:0} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"placed (created to last ASSIGNED, scheduler clock): {placement.TotalSeconds:0.000} s = {instances / placement.TotalSeconds:0} tasks/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seen placed through the API: first at {firstPlaced!.Value.TotalSeconds:0.00} s, all at {assigned!.Value.TotalSeconds:0.00} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"jobs create to all RUNNING: instances={instances} agents={agentCount} s={running.TotalSeconds:0.00} rate={instances / running.TotalSeconds:0} tasks/s"));
        return 0;
    }

    /// <summary>The benchmark's service: M instances of <paramref name="command"/>, at most perHost per host.</summary>
    internal static JobSpec Job(int instances, int perHost, string command = "sleep 600")
    {
        var key = new JobKey("bench", "www-data", "prod", "sleepers");
        var constraints = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal)
            .Add("host", string.Create(CultureInfo.InvariantCulture, $"limit:{perHost}"));
        return new JobSpec(key, instances, new TaskSpec(key, 0, new TaskResources(0.1, 32, 10), [], constraints, IsService: true, Command: command));
    }
}
