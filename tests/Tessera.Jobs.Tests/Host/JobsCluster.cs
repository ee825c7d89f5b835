using System.Collections.Immutable;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.Agent.Tests;
using Tessera.Jobs.Api;
using Tessera.Jobs.Host;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Tests.Host;

/// <summary>A real master and agent in this process, and the jobs server (scheduler + API on a free port) with its own data dir.</summary>
internal sealed class JobsCluster : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private JobsCluster(AgentFixture fixture, string dataDir)
    {
        Fixture = fixture;
        DataDir = dataDir;
    }

    public AgentFixture Fixture { get; }
    public string DataDir { get; }
    public JobsServer? Server { get; private set; }
    public Uri Api => Server!.Address;

    public static async Task<JobsCluster> StartAsync(string resources = "cpus:2;mem:1024;disk:2000;ports:[31000-31100]")
    {
        var fixture = await AgentFixture.StartAsync(resources);
        var cluster = new JobsCluster(fixture, Path.Combine(fixture.WorkDir, "jobs"));
        await cluster.StartSchedulerAsync();
        return cluster;
    }

    public async Task StartSchedulerAsync()
    {
        Server = await JobsServer.StartAsync(new JobsSchedulerOptions
        {
            Master = Fixture.Master.Address,
            DataDir = DataDir,
            TickInterval = TimeSpan.FromMilliseconds(200),
            ReconnectDelay = TimeSpan.FromMilliseconds(200),
            // Short penalties so a test sees a flapping task come back (Aurora's defaults are 30 s to 5 min).
            Flapping = new FlappingSettings(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)),
        }, port: 0);
        await Server.Scheduler.Subscribed.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async Task StopSchedulerAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
        Server = null;
    }

    public static JobSpec Job(string name, int instances, string command, long ramMb = 32, bool service = true, int maxFailures = 1) =>
        new(new JobKey("devcluster", "www-data", "test", name), instances,
            new TaskSpec(new JobKey("devcluster", "www-data", "test", name), 0, new TaskResources(0.1, ramMb, 10), [],
                ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal).Add("host", "limit:10"),
                IsService: service, MaxTaskFailures: maxFailures, Command: command));

    public Task<HttpResponseMessage> PostAsync(string path, string json) =>
        _http.PostAsync(new Uri(Api, path), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public async Task CreateAsync(JobSpec job)
    {
        using var response = await PostAsync("/api/jobs", JsonSerializer.Serialize(job, JobsApiJsonContext.Default.JobSpec));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JobStatus> StatusAsync(JobKey key) =>
        (await _http.GetFromJsonAsync($"{Api}api/jobs/{key}", JobsApiJsonContext.Default.JobStatus))!;

    /// <summary>Polls the job's status until <paramref name="done"/> holds (fails after <paramref name="seconds"/>).</summary>
    public async Task<JobStatus> WaitAsync(JobKey key, Func<JobStatus, bool> done, double seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        JobStatus status;
        do
        {
            status = await StatusAsync(key);
            if (done(status)) return status;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < until);
        Assert.Fail("timed out; last status:\n" + JsonSerializer.Serialize(status, JobsApiJsonContext.Default.JobStatus));
        return status;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await StopSchedulerAsync();
        await Fixture.DisposeAsync();
    }
}
