using System.Net;
using Microsoft.Extensions.Logging;
using Tessera.Agent.Checkpoint;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.RecordIo;
using Tessera.Core.Resources;

namespace Tessera.Agent.MasterLink;

/// <summary>
/// Keeps the agent registered: register (with the checkpointed id and the tasks it runs), hold the
/// command stream, answer pings, and start over with backoff whenever the stream ends or the master
/// doesn't ping for a while. A refused (gone) id is forgotten and the agent registers anew.
/// </summary>
internal sealed partial class MasterSession(AgentRuntime rt, MasterClient client, AgentCheckpoint checkpoint, Func<AgentInfo> info, ILogger log)
{
    public TaskCompletionSource Registered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task RunAsync(CancellationToken ct)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await RegisterAsync(ct) is { } registered)
                {
                    backoff = TimeSpan.FromMilliseconds(100);
                    await HoldStreamAsync(registered, ct);
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException or Core.Protocol.Json.MesosJsonException or RecordIoException)
            {
                LogLinkDown(log, e.Message);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            await Task.Delay(backoff, rt.Clock, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, rt.Options.RegisterBackoffMax.Ticks));
        }
    }

    private async Task<AgentRegistered?> RegisterAsync(CancellationToken ct)
    {
        var id = rt.AgentId ?? checkpoint.LoadAgentId();
        var registration = await rt.AskAsync(r => r.Registration(info() with { Id = id is null ? null : AgentID.Of(id) }), ct);
        var reply = await client.RegisterAsync(registration, ct);
        if (reply.Status == HttpStatusCode.Forbidden && id is not null)
        {
            LogRefused(log, id, reply.Error ?? "");
            checkpoint.Forget();
            await rt.AskAsync(r => r.AgentId = null, ct);
            return null;
        }
        if (reply.Value is not { } registered)
        {
            LogRegisterFailed(log, (int)reply.Status, reply.Error ?? "");
            return null;
        }
        var newId = registered.AgentId.Value;
        if (newId != id) await checkpoint.SaveAgentIdAsync(newId, ct);
        await rt.AskAsync(r => r.AgentId = newId, ct);
        LogRegistered(log, newId);
        Registered.TrySetResult();
        return registered;
    }

    private async Task HoldStreamAsync(AgentRegistered registered, CancellationToken ct)
    {
        using var response = await client.OpenStreamAsync(registered.AgentId.Value, ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var decoder = new RecordIoDecoder();
        var buffer = new byte[1 << 16];
        // No ping for several intervals means the master lost us: re-register.
        var silence = TimeSpan.FromSeconds(Math.Max(1, registered.PingIntervalSeconds) * 5);
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct);
            quiet.CancelAfter(silence);
            int n;
            try
            {
                n = await body.ReadAsync(buffer, quiet.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                LogSilent(log);
                return;
            }
            if (n == 0) return;
            foreach (var record in decoder.Feed(buffer.AsSpan(0, n)))
            {
                var command = MesosJson.Deserialize<AgentCommand>(record);
                if (command is { Type: AgentCommandType.PING, Ping: { } ping })
                    _ = client.PongAsync(new AgentPong { AgentId = registered.AgentId, Sequence = ping.Sequence }, ct).ContinueWith(_ => { }, TaskScheduler.Default);
                else
                    rt.Post(r => r.Handle(command));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "agent registered as {AgentId}")]
    private static partial void LogRegistered(ILogger logger, string agentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "master refused agent id {AgentId} ({Reason}); registering anew")]
    private static partial void LogRefused(ILogger logger, string agentId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "registration failed: {Status} {Reason}")]
    private static partial void LogRegisterFailed(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "link to the master lost: {Reason}")]
    private static partial void LogLinkDown(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "no ping from the master; re-registering")]
    private static partial void LogSilent(ILogger logger);
}
