using System.ComponentModel;
using System.Diagnostics;
using Tessera.Agent.Containerizer;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Operator;

namespace Tessera.Agent.Nested;

/// <summary>
/// Runs a nested container session's process (off the agent loop): hands each chunk of its stdout
/// and stderr to <c>send</c> as it comes, in order per stream, one at a time; when the caller goes
/// away (<c>aborted</c>, or <c>send</c> fails) the process gets SIGTERM and, 3 s later, SIGKILL to
/// its whole tree. The result is Mesos' WaitNestedContainer: the wait(2) status of the command.
/// </summary>
internal static class NestedSessionRunner
{
    public const int ChunkBytes = 16 * 1024;
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(1);

    public static async Task<WaitNestedContainerResponse> RunAsync(NestedLaunch launch, Func<ProcessIO, Task> send, CancellationToken aborted)
    {
        Process process;
        try
        {
            process = Process.Start(launch.Start) ?? throw new InvalidOperationException("the process did not start");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            return new WaitNestedContainerResponse { State = TaskState.TASK_FAILED, Reason = TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED, Message = $"cannot start {launch.Start.FileName}: {e.Message}" };
        }
        using (process)
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted))
        {
            process.StandardInput.Close();
            using var gate = new SemaphoreSlim(1, 1);
            async Task Pump(Stream stream, ProcessIODataType type)
            {
                var buffer = new byte[ChunkBytes];
                int read;
                while ((read = await stream.ReadAsync(buffer, stop.Token)) > 0)
                {
                    await gate.WaitAsync(stop.Token);
                    try
                    {
                        await send(ProcessIO.Output(type, buffer.AsSpan(0, read)));
                    }
                    catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
                    {
                        await stop.CancelAsync();
                        throw new OperationCanceledException("the session's reader went away", e);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }
            }
            var pumps = Task.WhenAll(Pump(process.StandardOutput.BaseStream, ProcessIODataType.STDOUT), Pump(process.StandardError.BaseStream, ProcessIODataType.STDERR));
            var killed = false;
            try
            {
                await process.WaitForExitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                killed = true;
                await KillAsync(process);
            }
            // What the command left in the background goes with it (its group outlives it only while a member does).
            if (launch.KillGroupOnExit) Signals.KillGroup(process.Id, Signals.SIGKILL);
            // Whatever the command left running in the background may hold its pipes: read what is there, briefly.
            await Task.WhenAny(pumps, Task.Delay(DrainGrace, CancellationToken.None));
            await stop.CancelAsync();
            try { await pumps; } catch (OperationCanceledException) { } catch (IOException) { }
            return Result(launch.StatusFile, process.ExitCode, killed);
        }
    }

    /// <summary>The launcher's status file when there is one (exact: exit code or signal), else the process' own exit code.</summary>
    public static WaitNestedContainerResponse Result(string? statusFile, int exitCode, bool killed)
    {
        var text = statusFile is not null && File.Exists(statusFile) ? File.ReadAllText(statusFile) : null;
        var exit = ContainerExit.FromStatusText(text) ?? ContainerExit.FromShellStatus(exitCode);
        if (exit.LaunchError is { } error)
            return new WaitNestedContainerResponse { State = TaskState.TASK_FAILED, Reason = TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED, Message = error };
        var status = WaitStatus(exit);
        return new WaitNestedContainerResponse
        {
            ExitStatus = status,
            State = killed ? TaskState.TASK_KILLED : status == 0 ? TaskState.TASK_FINISHED : TaskState.TASK_FAILED,
            Message = killed ? "the session's connection closed; the command was killed" : null,
        };
    }

    /// <summary>wait(2)'s encoding: exit code N is N &lt;&lt; 8, signal S is S.</summary>
    public static int WaitStatus(ContainerExit exit) => exit.Signal is { } signal ? signal & 0x7f : ((exit.ExitCode ?? 0) & 0xff) << 8;

    private static async Task KillAsync(Process process)
    {
        // The launcher forwards SIGTERM to the command's group; a plain session is its own group (setsid).
        Signals.Kill(process.Id, Signals.SIGTERM);
        Signals.KillGroup(process.Id, Signals.SIGTERM);
        using var grace = new CancellationTokenSource(KillGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }
}
