using System.Net;
using Microsoft.Extensions.Logging;
using Tessera.Agent.MasterLink;

namespace Tessera.Agent.Executors;

/// <summary>
/// Sends the executor notices to the master in order: executor exits (the framework's FAILURE
/// event; the master frees the executor's resources) and executor messages (MESSAGE events).
/// A failed send is retried a few times with backoff while the master is out of reach; like Mesos'
/// messages, these are at most once beyond that.
/// </summary>
internal sealed partial class ExecutorNoticeSender(ExecutorManager executors, MasterClient client, TimeProvider clock, ILogger log)
{
    private const int Attempts = 5;

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var notice in executors.Notices.ReadAllAsync(ct))
                await SendAsync(notice, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(ExecutorNotice notice, CancellationToken ct)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                var status = notice.Exited is { } exited
                    ? await client.ExecutorExitedAsync(exited, ct)
                    : await client.ExecutorMessageAsync(notice.Message!, ct);
                if (status == HttpStatusCode.Accepted) return;
                LogRefused(log, (int)status);
            }
            catch (HttpRequestException e)
            {
                LogFailed(log, e.Message);
            }
            await Task.Delay(backoff, clock, ct);
            backoff *= 2;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "master answered {Status} to an executor notice; trying again")]
    private static partial void LogRefused(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "sending an executor notice failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
