using Tessera.Agent.Tests;
using Tessera.Core.Protocol;
using Tessera.Master.Tests.Scheduler;

namespace Tessera.Cli.Tests.Cluster;

/// <summary>
/// A real master and agent in this process, a framework subscribed over the v1 Scheduler API, and
/// one long task running that wrote a line to stdout and one to stderr. Shared by the tests of a class.
/// </summary>
public sealed class CliCluster : IAsyncLifetime
{
    public const string LongTask = "long-1";
    private SchedulerSession? _session;

    internal SchedulerSession Session => _session ?? throw new InvalidOperationException("not started");
    public string Master => Session.Cluster.Master.Address.ToString();
    public string AgentId => Session.AgentId;
    public string FrameworkId => Session.Scheduler.FrameworkId!;
    public int AgentPort => Session.Cluster.Agent.Address.Port;

    public async Task InitializeAsync()
    {
        _session = await SchedulerSession.StartAsync();
        await Session.LaunchAsync(Calls.Task(LongTask, AgentId, "cpus:1;mem:128", "echo hello-from-task; echo oops-on-stderr >&2; echo second-line; sleep 120"));
        await Session.UpdatesAsync(LongTask, s => s.State == TaskState.TASK_RUNNING);
    }

    /// <summary>Launches a task on the next offer and waits until it runs.</summary>
    public async Task LaunchAsync(string id, string command)
    {
        var offer = await Session.Scheduler.LatestOfferAsync();
        await Session.Scheduler.CallAsync(Calls.Launch(offer, Calls.Task(id, AgentId, "cpus:0.5;mem:32", command)));
        await Session.UpdatesAsync(id, s => s.State == TaskState.TASK_RUNNING || TaskStates.IsTerminal(s.State));
    }

    /// <summary><c>tessera ARGS --master this-master</c>: exit code, stdout, stderr.</summary>
    public Task<CliRun> RunAsync(params string[] args) => CliRun.Of([.. args, "--master", Master]);

    public async Task DisposeAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
    }
}

/// <summary>What one run of the CLI printed.</summary>
public sealed record CliRun(int Code, string Out, string Err)
{
    public static async Task<CliRun> Of(string[] args, CancellationToken ct = default)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await TesseraCommand.RunAsync(args, stdout, stderr, ct);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public override string ToString() => $"exit {Code}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}
