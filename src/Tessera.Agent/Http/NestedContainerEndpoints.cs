using Microsoft.AspNetCore.Http;
using Tessera.Agent.Containerizer;
using Tessera.Agent.Nested;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;
using Tessera.Http;
using Tessera.Core.Protocol.RecordIo;

namespace Tessera.Agent.Http;

/// <summary>
/// LAUNCH_NESTED_CONTAINER_SESSION and WAIT_NESTED_CONTAINER of the agent's Operator API. A
/// session is checked (<see cref="NestedCallCheck"/>), registered on the agent loop against a
/// running parent container (<see cref="NestedSessions"/>), entered through the containerizer
/// (<see cref="IContainerizer.Nested"/>) and streamed back as <c>application/recordio</c> of
/// <see cref="ProcessIO"/> JSON records; closing the connection kills the command.
/// </summary>
internal static class NestedContainerEndpoints
{
    public static async Task LaunchSession(HttpContext http, AgentRuntime rt, AgentCall call)
    {
        if (!MediaTypes.Accepts(http.Request.Headers.Accept, MediaTypes.RecordIo))
        {
            await AgentReplies.Text(http, StatusCodes.Status406NotAcceptable, "LAUNCH_NESTED_CONTAINER_SESSION streams application/recordio; send Accept: application/recordio");
            return;
        }
        if (!MediaTypes.Accepts(http.Request.Headers["Message-Accept"]))
        {
            await AgentReplies.Text(http, StatusCodes.Status406NotAcceptable, "the session's records are application/json only (Message-Accept)");
            return;
        }
        if (NestedCallCheck.Launch(call.LaunchNestedContainerSession) is { } invalid)
        {
            await AgentReplies.Text(http, StatusCodes.Status400BadRequest, invalid);
            return;
        }
        var launch = call.LaunchNestedContainerSession!;
        var id = launch.ContainerId;
        // Not cancellable: once the loop has registered the session, only End (below) lowers the
        // open count and completes its WAIT, so the reply must come back whatever the caller does.
        var (session, parent, refusal) = await rt.AskAsync(r => r.Nested.Open(r, id.Parent!.Value, id.Value), CancellationToken.None);
        if (refusal is not null || session is null || parent is null)
        {
            await AgentReplies.Text(http, refusal?.Status ?? StatusCodes.Status500InternalServerError, refusal?.Message ?? "no session");
            return;
        }
        var result = new WaitNestedContainerResponse { State = TaskState.TASK_FAILED, Message = "the session ended before its command ran" };
        string? statusFile = null;
        try
        {
            if (NestedCallCheck.User(launch.Command!, parent.User) is { } wrongUser)
            {
                result = new WaitNestedContainerResponse { State = TaskState.TASK_FAILED, Message = wrongUser };
                await AgentReplies.Text(http, StatusCodes.Status400BadRequest, wrongUser);
                return;
            }
            NestedLaunch plan;
            try
            {
                plan = rt.Containerizer.Nested(parent.Container, new NestedSpec(id.Value, launch.Command!, parent.Sandbox, parent.User, Environment(launch.Command!, parent.Sandbox)));
            }
            catch (ContainerLaunchException e)
            {
                result = new WaitNestedContainerResponse { State = TaskState.TASK_FAILED, Reason = TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED, Message = e.Message };
                await AgentReplies.Text(http, StatusCodes.Status409Conflict, $"'container_id.parent': cannot enter container '{id.Parent!.Value}': {e.Message}");
                return;
            }
            statusFile = plan.StatusFile;
            if (http.RequestAborted.IsCancellationRequested)
            {
                result = new WaitNestedContainerResponse { State = TaskState.TASK_KILLED, Message = "the session's connection closed before its command started" };
                return;
            }
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "application/recordio";
            http.Response.Headers["Message-Content-Type"] = "application/json";
            result = new WaitNestedContainerResponse { State = TaskState.TASK_FAILED, Message = "the session ended unexpectedly" };
            await http.Response.StartAsync(http.RequestAborted);
            result = await NestedSessionRunner.RunAsync(plan, async record =>
            {
                await http.Response.Body.WriteAsync(RecordIoEncoder.Encode(MesosJson.SerializeToUtf8Bytes(record)), http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
            }, http.RequestAborted);
        }
        finally
        {
            End(rt, session, result);
            if (statusFile is not null) TryRemove(Path.GetDirectoryName(statusFile)!);
        }
    }

    public static async Task Wait(HttpContext http, AgentRuntime rt, AgentCall call)
    {
        if (!MediaTypes.Accepts(http.Request.Headers.Accept))
        {
            await AgentReplies.Text(http, StatusCodes.Status406NotAcceptable, "Accept: this endpoint answers application/json only");
            return;
        }
        if (NestedCallCheck.Wait(call.WaitNestedContainer) is { } invalid)
        {
            await AgentReplies.Text(http, StatusCodes.Status400BadRequest, invalid);
            return;
        }
        var id = call.WaitNestedContainer!.ContainerId;
        var session = await rt.AskAsync(r => r.Nested.Find(id.Parent!.Value, id.Value), http.RequestAborted);
        if (session is null)
        {
            await AgentReplies.Text(http, StatusCodes.Status404NotFound, $"'wait_nested_container.container_id': no nested container '{id.Value}' in '{id.Parent!.Value}' on this agent");
            return;
        }
        var result = await session.Ended.Task.WaitAsync(http.RequestAborted);
        await AgentReplies.Json(http, MesosJson.SerializeToUtf8Bytes(new AgentResponse { Type = AgentCallType.WAIT_NESTED_CONTAINER, WaitNestedContainer = result }));
    }

    /// <summary>The session's environment: the sandbox (as Mesos sets it for nested containers) and the command's own variables.</summary>
    public static Dictionary<string, string> Environment(CommandInfo command, string sandbox)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["MESOS_SANDBOX"] = sandbox, ["HOME"] = sandbox };
        foreach (var variable in command.Environment?.Variables ?? [])
            if (variable.Value is { } value) env[variable.Name] = value;
        return env;
    }

    private static void End(AgentRuntime rt, NestedSession session, WaitNestedContainerResponse result) => rt.Post(r => r.Nested.End(session, result));

    private static void TryRemove(string dir)
    {
        try { Directory.Delete(dir, recursive: true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
