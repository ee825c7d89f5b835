using System.Collections.Immutable;
using System.Globalization;
using System.Net.Http.Json;
using Tessera.Jobs;
using Tessera.Jobs.Api;
using Tessera.Jobs.Cron;
using Tessera.Jobs.Scheduling;

namespace Tessera.Benchmarks;

/// <summary>
/// <c>cron-fire [--agents 10] [--jobs 100]</c>: N cron jobs (one <c>true</c> instance each, every
/// minute) on in-process agents (<see cref="JobsBenchCluster"/>), all due at the same minute; prints
/// the fire latency from the due time to the run's tasks created, ASSIGNED and RUNNING (scheduler
/// clock): median and the slowest.
/// </summary>
internal static class CronFireScale
{
    public static async Task<int> Run(string[] args, TextWriter output)
    {
        var options = new BenchArgs(args);
        var agents = options.Int("--agents", 10);
        var count = options.Int("--jobs", 100);
        await using var cluster = await JobsBenchCluster.StartAsync(agents, count / agents + 2, "posix", output);
        var keys = Enumerable.Range(0, count).Select(i => new JobKey("bench", "www-data", "prod", $"cron-{i}")).ToList();
        foreach (var key in keys)
        {
            var job = new JobSpec(key, 1, new TaskSpec(key, 0, new TaskResources(0.1, 32, 10), [],
                ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal), Command: "true"));
            using var scheduled = await cluster.Http.PostAsJsonAsync($"/api/jobs/{key}/cron",
                new CronRequest(job, "* * * * *"), JobsApiJsonContext.Default.CronRequest);
            if (!scheduled.IsSuccessStatusCode) throw new InvalidOperationException(await scheduled.Content.ReadAsStringAsync());
        }
        var due = NextMinute(DateTimeOffset.UtcNow);
        output.WriteLine($"{count} cron jobs scheduled; all due at {due:HH:mm:ss}");
        await Task.Delay(due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(15));
        var created = new List<double>();
        var assigned = new List<double>();
        var running = new List<double>();
        foreach (var key in keys)
        {
            var status = (await cluster.Http.GetFromJsonAsync($"/api/jobs/{key}/tasks/0/history", JobsApiJsonContext.Default.TaskHistory))!;
            var task = status.Tasks.First(t => t.Events[0].At >= due);
            created.Add((task.Events[0].At - due).TotalMilliseconds);
            assigned.Add((task.Events.First(e => e.Status == ScheduleStatus.ASSIGNED).At - due).TotalMilliseconds);
            running.Add((task.Events.First(e => e.Status is ScheduleStatus.RUNNING or ScheduleStatus.FINISHED).At - due).TotalMilliseconds);
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cron fire: jobs={count} agents={agents} due->created median {Median(created):0} ms max {created.Max():0} ms; "
            + $"due->ASSIGNED median {Median(assigned):0} max {assigned.Max():0}; due->RUNNING median {Median(running):0} max {running.Max():0}"));
        return 0;
    }

    private static DateTimeOffset NextMinute(DateTimeOffset now) =>
        new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
