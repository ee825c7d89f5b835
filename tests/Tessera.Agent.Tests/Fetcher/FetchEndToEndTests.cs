using Tessera.Core.Protocol;
using Tessera.Master.Tests.Scheduler;

namespace Tessera.Agent.Tests.Fetcher;

/// <summary>URIs fetched before a command task starts, through a real master, a real agent and the v1 Scheduler API.</summary>
public sealed class FetchEndToEndTests
{
    [Fact]
    public async Task ALocalFileIsInTheSandboxBeforeTheCommandRuns()
    {
        await using var session = await SchedulerSession.StartAsync();
        var source = Path.Combine(session.Cluster.WorkDir, "payload.txt");
        await File.WriteAllTextAsync(source, "fetched content");
        var task = Calls.Task("reader", session.AgentId, command: "test \"$(cat payload.txt)\" = 'fetched content' && test -x tool.sh && ./tool.sh");
        task = task with
        {
            Command = task.Command! with
            {
                Uris =
                [
                    new CommandUri { Value = source },
                    new CommandUri { Value = WriteTool(session.Cluster.WorkDir), Executable = true },
                ],
            },
        };
        await session.LaunchAsync(task);
        var updates = await session.UpdatesAsync("reader", s => TaskStates.IsTerminal(s.State));
        Assert.Equal((TaskState.TASK_FINISHED, "Command exited with status 0"), (updates[^1].State, updates[^1].Message));
    }

    private static string WriteTool(string dir)
    {
        var path = Path.Combine(dir, "tool.sh");
        File.WriteAllText(path, "#!/bin/sh\nexit 0\n");
        return path;
    }

    [Fact]
    public async Task AFailedFetchFailsTheTaskNamingTheUri()
    {
        await using var session = await SchedulerSession.StartAsync();
        var missing = Path.Combine(session.Cluster.WorkDir, "missing.tar.gz");
        var task = Calls.Task("unfetched", session.AgentId, command: "true");
        task = task with { Command = task.Command! with { Uris = [new CommandUri { Value = missing }] } };
        await session.LaunchAsync(task);
        var updates = await session.UpdatesAsync("unfetched", s => TaskStates.IsTerminal(s.State));
        var failed = Assert.Single(updates);
        Assert.Equal((TaskState.TASK_FAILED, TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED, TaskStatusSource.SOURCE_AGENT), (failed.State, failed.Reason, failed.Source));
        Assert.Equal($"Failed to fetch URI '{missing}': '{missing}' does not exist", failed.Message);
    }
}
