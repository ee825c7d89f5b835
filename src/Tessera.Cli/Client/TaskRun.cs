using System.Text;
using Tessera.Cli.Run;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Operator;

namespace Tessera.Cli.Client;

/// <summary>What <c>task run</c> was asked: where, and the command's words.</summary>
internal sealed record TaskRunRequest(TaskTarget Target, IReadOnlyList<string> Command);

/// <summary>
/// <c>task run</c> (Aurora's <c>task run</c>): for each task named (one task, or a job's instances
/// in turn) finds its agent (master GET_STATE) and its container (the agent's GET_CONTAINERS:
/// the container of the task's executor), runs the command there with
/// LAUNCH_NESTED_CONTAINER_SESSION, prints its stdout and stderr as they come (lines prefixed
/// <c>[KEY/INST] </c> when there are several instances), and takes its exit status from
/// WAIT_NESTED_CONTAINER. Exit code: the command's (128 + signal when killed); over several
/// instances the first that failed.
/// </summary>
internal static class TaskRun
{
    public static async Task<int> RunAsync(TaskRunRequest request, CliContext cli, Func<JobsClient> jobs, Func<string> newId, CancellationToken ct)
    {
        var targets = await TargetsAsync(request.Target, jobs, ct);
        using var master = cli.Operator();
        var state = (await master.CallAsync(new OperatorCall { Type = OperatorCallType.GET_STATE }, ct)).GetState;
        var several = targets.Count > 1;
        int? first = null;
        foreach (var (label, taskId) in targets)
        {
            int code;
            if (taskId is null)
            {
                cli.Error.WriteLine($"tessera: {label} has no task now; skipped");
                code = TesseraCommand.ExitFailure;
            }
            else if (!several)
            {
                code = await RunOneAsync(TaskLocator.Locate(state, taskId, null), request.Command, cli, null, newId(), ct);
            }
            else
            {
                // Over several instances one that can't be entered is reported and the rest still run.
                try
                {
                    code = await RunOneAsync(TaskLocator.Locate(state, taskId, null), request.Command, cli, $"[{label}] ", newId(), ct);
                }
                catch (CliException e)
                {
                    cli.Error.WriteLine($"tessera: {label}: {e.Message}; skipped");
                    code = e.ExitCode;
                }
            }
            if (code != 0) first ??= code;
        }
        return first ?? TesseraCommand.ExitOk;
    }

    private static async Task<IReadOnlyList<(string Label, string? TaskId)>> TargetsAsync(TaskTarget target, Func<JobsClient> jobs, CancellationToken ct)
    {
        if (target.Job is not { } job) return [(target.TaskId!, target.TaskId)];
        using var client = jobs();
        var key = job.Key.ToString();
        return [.. (await JobTasks.ResolveAsync(client, job, ct)).Select(i => (i.Label(key), i.TaskId))];
    }

    /// <summary>A single word is a shell command string (<c>/bin/sh -c</c>); several words are an argv, run without a shell. Pure.</summary>
    public static CommandInfo Command(IReadOnlyList<string> words) => words.Count == 1
        ? new CommandInfo { Shell = true, Value = words[0] }
        : new CommandInfo { Shell = false, Value = words[0], Arguments = [.. words] };

    /// <summary>The shell's exit code for a wait(2) status: N when it exited with N, 128 + S when signal S killed it. Pure.</summary>
    public static int ExitCode(int waitStatus) =>
        (waitStatus & 0x7f) == 0 ? (waitStatus >> 8) & 0xff : 128 + (waitStatus & 0x7f);

    private static async Task<int> RunOneAsync(LocatedTask located, IReadOnlyList<string> command, CliContext cli, string? prefix, string id, CancellationToken ct)
    {
        var task = located.Task;
        if (TaskStates.IsTerminal(task.State))
            throw new CliException($"task '{task.TaskId.Value}' is not running ({TaskStateText.Of(task.State)}); 'tessera task run' enters a running task's container");
        var endpoint = located.AgentEndpoint
            ?? throw new CliException($"task '{task.TaskId.Value}' runs on agent {task.AgentId.Value}, which the master does not list now");
        using var agent = new AgentOperatorClient(endpoint);
        var parent = await ContainerAsync(agent, task, ct);
        var launch = new LaunchNestedContainerSessionCall
        {
            ContainerId = new ContainerID { Value = id, Parent = ContainerID.Of(parent) },
            Command = Command(command),
        };
        var output = new StreamWriters(cli.Out, cli.Error, prefix);
        await agent.SessionAsync(launch, output.Write, ct);
        output.Flush();
        var wait = (await agent.CallAsync(new AgentCall
        {
            Type = AgentCallType.WAIT_NESTED_CONTAINER,
            WaitNestedContainer = new WaitNestedContainerCall { ContainerId = launch.ContainerId },
        }, ct)).WaitNestedContainer;
        if (wait?.ExitStatus is { } status) return ExitCode(status);
        cli.Error.WriteLine($"tessera: {prefix}the command did not run: {wait?.Message ?? "the agent gave no exit status"}");
        return TesseraCommand.ExitFailure;
    }

    /// <summary>The container of the task's executor (a command task is its own executor), from the agent's GET_CONTAINERS.</summary>
    private static async Task<string> ContainerAsync(AgentOperatorClient agent, MesosTask task, CancellationToken ct)
    {
        var executor = task.ExecutorId?.Value ?? task.TaskId.Value;
        var containers = (await agent.CallAsync(new AgentCall { Type = AgentCallType.GET_CONTAINERS }, ct)).GetContainers?.Containers ?? [];
        var found = containers.FirstOrDefault(c => c.FrameworkId?.Value == task.FrameworkId.Value && c.ExecutorId?.Value == executor);
        return found?.ContainerId.Value
            ?? throw new CliException($"task '{task.TaskId.Value}' has no running container on agent {agent.Agent} (executor '{executor}'; tasks of the DEFAULT executor are not entered yet)");
    }

    /// <summary>Session output to stdout and stderr: decoded as UTF-8 across chunk boundaries, each line prefixed when there are several instances.</summary>
    private sealed class StreamWriters(TextWriter stdout, TextWriter stderr, string? prefix)
    {
        private readonly (Decoder Decoder, LinePrefixer Lines) _out = (Encoding.UTF8.GetDecoder(), new LinePrefixer(stdout, prefix));
        private readonly (Decoder Decoder, LinePrefixer Lines) _err = (Encoding.UTF8.GetDecoder(), new LinePrefixer(stderr, prefix));

        public void Write(ProcessIODataType type, byte[] data)
        {
            var (decoder, lines) = type == ProcessIODataType.STDERR ? _err : _out;
            var chars = new char[decoder.GetCharCount(data, flush: false)];
            var count = decoder.GetChars(data, chars, flush: false);
            lines.Write(new string(chars, 0, count));
        }

        public void Flush()
        {
            _out.Lines.Flush();
            _err.Lines.Flush();
        }
    }
}
