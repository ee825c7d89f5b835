using Tessera.Agent.Tests;
using Tessera.Cli.Tests.Cluster;
using Tessera.Jobs.Host;

namespace Tessera.Cli.Tests.Jobs;

/// <summary>A real master, agent and jobs scheduler in this process, and `tessera job …` pointed at that scheduler.</summary>
internal sealed class InProcessJobs : IAsyncDisposable
{
    private InProcessJobs(AgentFixture fixture, JobsServer jobs, string dir)
    {
        Fixture = fixture;
        Jobs = jobs;
        Dir = dir;
    }

    public AgentFixture Fixture { get; }

    public JobsServer Jobs { get; }

    /// <summary>The scheduler's data dir, also where the tests write their spec files.</summary>
    public string Dir { get; }

    public static async Task<InProcessJobs> StartAsync()
    {
        var fixture = await AgentFixture.StartAsync("cpus:2;mem:1024;disk:2000;ports:[31000-31100]");
        var dir = Path.Combine(fixture.WorkDir, "jobs");
        var jobs = await JobsServer.StartAsync(new JobsSchedulerOptions
        {
            Master = fixture.Master.Address,
            DataDir = dir,
            TickInterval = TimeSpan.FromMilliseconds(200),
        }, port: 0);
        await jobs.Scheduler.Subscribed.WaitAsync(TimeSpan.FromSeconds(10));
        return new InProcessJobs(fixture, jobs, dir);
    }

    /// <summary>`tessera job ARGS --jobs` this scheduler.</summary>
    public Task<CliRun> Run(params string[] args) => CliRun.Of(["job", .. args, "--jobs", Jobs.Address.Authority]);

    /// <summary>A Tessera job spec file: a service of plain command tasks, up to 10 per host.</summary>
    public async Task<string> SpecFileAsync(int instances, string command, long ram = 32)
    {
        var path = Path.Combine(Dir, $"spec-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, $$$"""
            {"instances": {{{instances}}}, "template": {"resources": {"cpus": 0.1, "ram_mb": {{{ram}}}, "disk_mb": 10},
             "constraints": {"host": "limit:10"}, "is_service": true, "command": "{{{command}}}"}}
            """);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Jobs.DisposeAsync();
        await Fixture.DisposeAsync();
    }
}
