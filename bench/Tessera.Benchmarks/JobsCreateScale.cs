using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Tessera.Agent.Hosting;
using Tessera.Core.Resources;
using Tessera.Jobs;
using Tessera.Jobs.Api;
using Tessera.Jobs.Host;
using Tessera.Jobs.Scheduling;
using Tessera.Master.Hosting;

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
        var workDir = Directory.CreateTempSubdirectory("tessera-jobs-bench-").FullName;
        // Warnings and errors only: a stuck run says why.
        using var logs = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        var agents = new List<AgentHost>();
        MasterServer? master = null;
        JobsServer? jobs = null;
        try
        {
            master = await MasterServer.StartAsync(new MasterOptions
            {
                WorkDir = Path.Combine(workDir, "master"), Port = 0, Registry = "in_memory",
            }, logs: logs);
            var clock = Stopwatch.StartNew();
            for (var a = 0; a < agentCount; a++)
            {
                agents.Add(await AgentHost.StartAsync(new AgentOptions
                {
                    Master = master.Address, WorkDir = Path.Combine(workDir, $"agent-{a}"), Hostname = $"agent-{a}", Port = 0,
                    Resources = ResourceSet.Parse(string.Create(CultureInfo.InvariantCulture, $"cpus:{perHost * 0.1 + 1};mem:{perHost * 32 + 256};disk:{perHost * 10 + 100};ports:[31000-31100]")),
                    Isolation = isolation,
                }, logs: logs));
            }
            await Task.WhenAll(agents.Select(a => a.Registered)).WaitAsync(TimeSpan.FromMinutes(2));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{agentCount} agents registered in {clock.Elapsed.TotalSeconds:0.0} s (isolation {isolation})"));
            jobs = await JobsServer.StartAsync(new JobsSchedulerOptions { Master = master.Address, DataDir = Path.Combine(workDir, "jobs") },
                port: 0, logs: logs);
            await jobs.Scheduler.Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
            output.WriteLine($"jobs scheduler subscribed, API at {jobs.Address}");

            using var http = new HttpClient { BaseAddress = jobs.Address, Timeout = TimeSpan.FromSeconds(30) };
            var job = Job(instances, perHost);
            clock.Restart();
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
        finally
        {
            if (jobs is not null) await jobs.DisposeAsync();
            foreach (var agent in agents) await agent.StopAsync(killCheckpointed: true);
            foreach (var agent in agents) await agent.DisposeAsync();
            if (master is not null) await master.DisposeAsync();
            Directory.Delete(workDir, recursive: true);
        }
    }

    private static JobSpec Job(int instances, int perHost)
    {
        var key = new JobKey("bench", "www-data", "prod", "sleepers");
        var constraints = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal)
            .Add("host", string.Create(CultureInfo.InvariantCulture, $"limit:{perHost}"));
        return new JobSpec(key, instances, new TaskSpec(key, 0, new TaskResources(0.1, 32, 10), [], constraints, IsService: true, Command: "sleep 600"));
    }
}
