using Microsoft.Extensions.Logging;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Executor;

namespace Tessera.Executor.ExecutorApi;

/// <summary>
/// The executor's connection to the agent: SUBSCRIBE, the event loop, UPDATE with uuids. When the
/// stream ends and <c>MESOS_CHECKPOINT=1</c> it subscribes again (random backoff up to
/// <c>MESOS_SUBSCRIPTION_BACKOFF_MAX</c>) with the unacknowledged tasks and updates, until
/// <c>MESOS_RECOVERY_TIMEOUT</c>; without checkpointing, a lost agent ends the executor.
/// </summary>
public sealed partial class ExecutorDriver(ExecutorSettings settings, ExecutorApiClient client, TimeProvider time, ILogger log)
{
    private readonly UpdateLedger _ledger = new();
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Unacknowledged tasks and updates.</summary>
    public UpdateLedger Ledger => _ledger;

    /// <summary>Ends <see cref="RunAsync"/> with exit status 0 (the executor's work is done).</summary>
    public void Stop() => _stop.Cancel();

    /// <summary>Subscribes and serves events until <see cref="Stop"/>; the exit status (0 done, 1 lost the agent, 2 refused).</summary>
    public async Task<int> RunAsync(IExecutorHandler handler, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _stop.Token);
        var token = linked.Token;
        var subscribedOnce = false;
        DateTimeOffset? lostAt = null;
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!token.IsCancellationRequested)
        {
            try
            {
                await foreach (var evt in client.SubscribeAsync(_ledger.Subscribe(), token).ConfigureAwait(false))
                {
                    if (evt.Type == ExecutorEventType.SUBSCRIBED)
                    {
                        subscribedOnce = true;
                        lostAt = null;
                        backoff = TimeSpan.FromMilliseconds(100);
                    }

                    Dispatch(handler, evt);
                }

                LogStreamEnded();
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (ExecutorApiException ex)
            {
                LogRefused(ex.Message);
                if (!subscribedOnce) return 2;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                LogUnreachable(ex.Message);
            }

            if (token.IsCancellationRequested) break;
            if (!settings.Checkpoint) return 1;
            var now = time.GetUtcNow();
            lostAt ??= now;
            if (now - lostAt > settings.RecoveryTimeout)
            {
                LogGaveUp(settings.RecoveryTimeout);
                return 1;
            }

            try
            {
                await Task.Delay(backoff * Random.Shared.NextDouble(), time, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, settings.SubscriptionBackoffMax.Ticks));
        }

        return ct.IsCancellationRequested ? 1 : 0;
    }

    /// <summary>Sends a status update of <paramref name="taskId"/> (with a fresh uuid); kept for the next SUBSCRIBE until acknowledged. True when the agent took it.</summary>
    public Task<bool> UpdateAsync(TaskID taskId, TaskState state, string? message, TaskStatusReason? reason, CancellationToken ct) =>
        UpdateAsync(taskId, state, message, reason, null, ct);

    /// <summary>As <see cref="UpdateAsync(TaskID, TaskState, string?, TaskStatusReason?, CancellationToken)"/>, with the status's <c>healthy</c> (null: not health-checked).</summary>
    public async Task<bool> UpdateAsync(TaskID taskId, TaskState state, string? message, TaskStatusReason? reason, bool? healthy, CancellationToken ct)
    {
        var status = new MesosTaskStatus
        {
            TaskId = taskId,
            State = state,
            Source = TaskStatusSource.SOURCE_EXECUTOR,
            ExecutorId = new ExecutorID { Value = settings.ExecutorId },
            Timestamp = time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0,
            Uuid = ByteString.CopyFrom(Guid.NewGuid().ToByteArray()),
            Message = message,
            Reason = reason,
            Healthy = healthy,
        };
        _ledger.Sending(status);
        LogUpdate(taskId.Value, state, message);
        try
        {
            return await client.UpdateAsync(status, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            LogUpdateDeferred(taskId.Value, state, ex.Message);
            return false;
        }
    }

    private void Dispatch(IExecutorHandler handler, ExecutorEvent evt)
    {
        switch (evt.Type)
        {
            case ExecutorEventType.SUBSCRIBED when evt.Subscribed is { } s:
                LogSubscribed(s.AgentInfo.Hostname);
                handler.Subscribed(s);
                break;
            case ExecutorEventType.LAUNCH when evt.Launch is { } l:
                _ledger.Launched(l.Task);
                handler.Launch(l.Task);
                break;
            case ExecutorEventType.LAUNCH_GROUP when evt.LaunchGroup is { } g:
                foreach (var task in g.TaskGroup.Tasks ?? [])
                {
                    _ledger.Launched(task);
                    handler.Launch(task);
                }

                break;
            case ExecutorEventType.KILL when evt.Kill is { } k:
                handler.Kill(k.TaskId);
                break;
            case ExecutorEventType.ACKNOWLEDGED when evt.Acknowledged is { } a:
                _ledger.Acknowledged(a);
                break;
            case ExecutorEventType.SHUTDOWN:
                handler.Shutdown();
                break;
            case ExecutorEventType.ERROR:
                LogError(evt.Error?.Message);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "subscribed to the agent on {Host}")]
    private partial void LogSubscribed(string? host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the agent's event stream ended")]
    private partial void LogStreamEnded();

    [LoggerMessage(Level = LogLevel.Warning, Message = "SUBSCRIBE refused: {Error}")]
    private partial void LogRefused(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "agent unreachable: {Error}")]
    private partial void LogUnreachable(string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "no agent within the recovery timeout {Timeout}: giving up")]
    private partial void LogGaveUp(TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "task {Task}: {State} {Message}")]
    private partial void LogUpdate(string task, TaskState state, string? message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "task {Task}: {State} not delivered ({Error}); it goes again with the next SUBSCRIBE")]
    private partial void LogUpdateDeferred(string task, TaskState state, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "agent error: {Error}")]
    private partial void LogError(string? error);
}
