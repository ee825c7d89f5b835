using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Operator;

namespace Tessera.Cli.Client;

/// <summary>What <c>task logs</c> was asked for.</summary>
internal sealed record LogRequest(string TaskId, string? Framework, string File, bool Follow, int? Tail)
{
    /// <summary>A Thermos process whose own log to read instead of the task's (<see cref="ProcessLogs"/>).</summary>
    public string? Process { get; init; }
}

/// <summary>
/// <c>task logs</c>: finds the task's agent (GET_STATE: task → agent id → hostname:port), reads the
/// file from the agent's files API in pages, and with <c>-f</c> keeps reading every interval until
/// the task is terminal and the file has stopped growing (or Ctrl-C, which ends it with exit 0).
/// With a process, the file is that Thermos process' latest run's (<see cref="ProcessLogs"/>).
/// </summary>
internal static class TaskLogs
{
    public static async Task<int> RunAsync(LogRequest request, CliContext cli, TimeSpan interval, CancellationToken ct)
    {
        using var master = cli.Operator();
        var located = await TaskLocator.FindAsync(master, request.TaskId, request.Framework, ct);
        var task = located.Task;
        var endpoint = located.AgentEndpoint
            ?? throw new CliException($"task '{task.TaskId.Value}' ran on agent {task.AgentId.Value}, which the master does not list now, so its sandbox cannot be read");
        using var files = new AgentFilesClient(endpoint);
        IReadOnlyList<string> candidates = request.Process is { } process
            ? [await ProcessLogs.PathAsync(files, located, process, request.File, ct)]
            : SandboxPath.Candidates(task, located.Executor, request.File);
        try
        {
            var (path, size) = await FindFileAsync(files, candidates, ct);
            var terminal = TaskStates.IsTerminal(task.State);
            while (path is null)
            {
                if (!request.Follow || terminal)
                    throw new CliException($"task '{task.TaskId.Value}' has no {request.File} on agent {AgentAddress.Text(located.Agent!.AgentInfo)} ({candidates[0]}): "
                        + (terminal ? "its sandbox may have been garbage-collected" : "it has not started yet; -f waits for it"));
                await Task.Delay(interval, ct);
                terminal = await IsTerminalAsync(master, task, ct);
                (path, size) = await FindFileAsync(files, candidates, ct);
            }
            long offset = 0;
            if (request.Tail is { } lines)
            {
                await cli.Out.WriteAsync(await TailAsync(files, path, size, lines, ct));
                offset = size;
            }
            offset = await CopyAsync(files, path, offset, size, cli.Out, ct);
            if (!request.Follow) return TesseraCommand.ExitOk;
            while (true)
            {
                await Task.Delay(interval, ct);
                terminal = await IsTerminalAsync(master, task, ct);
                var now = await files.SizeAsync(path, ct) ?? offset;
                if (now > offset) offset = await CopyAsync(files, path, offset, now, cli.Out, ct);
                else if (terminal) return TesseraCommand.ExitOk;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested && request.Follow)
        {
            return TesseraCommand.ExitOk;
        }
    }

    private static async Task<(string? Path, long Size)> FindFileAsync(AgentFilesClient files, IReadOnlyList<string> candidates, CancellationToken ct)
    {
        foreach (var candidate in candidates)
            if (await files.SizeAsync(candidate, ct) is { } size)
                return (candidate, size);
        return (null, 0);
    }

    private static async Task<bool> IsTerminalAsync(OperatorClient master, MesosTask task, CancellationToken ct)
    {
        var tasks = (await master.CallAsync(new OperatorCall { Type = OperatorCallType.GET_TASKS }, ct)).GetTasks;
        var now = TaskLocator.Locate(new GetStateResponse { GetTasks = tasks }, task.TaskId.Value, task.FrameworkId.Value);
        return TaskStates.IsTerminal(now.Task.State);
    }

    /// <summary>Copies bytes [offset, end) to the output in pages; the new offset.</summary>
    private static async Task<long> CopyAsync(AgentFilesClient files, string path, long offset, long end, TextWriter output, CancellationToken ct)
    {
        while (offset < end)
        {
            var length = Math.Min(AgentFilesClient.MaxRead, end - offset);
            var chunk = await files.ReadAsync(path, offset, length, ct);
            if (chunk is null) break;
            await output.WriteAsync(chunk.Data);
            offset += length;
        }
        await output.FlushAsync(ct);
        return offset;
    }

    /// <summary>The file's last <paramref name="lines"/> lines, reading pages backwards from <paramref name="size"/> until there are enough.</summary>
    private static async Task<string> TailAsync(AgentFilesClient files, string path, long size, int lines, CancellationToken ct)
    {
        var text = "";
        var start = size;
        while (start > 0 && !LogTail.HasLines(text, lines))
        {
            var from = Math.Max(0, start - AgentFilesClient.MaxRead);
            if (await files.ReadAsync(path, from, start - from, ct) is not { } chunk) break;
            text = chunk.Data + text;
            start = from;
        }
        return LogTail.LastLines(text, lines);
    }
}
