using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Tessera.Master.Loop;

/// <summary>
/// The one owner of the master's state: a loop over a bounded channel of messages. HTTP handlers
/// and timers post messages and await replies; the loop applies them one at a time, in order, and
/// after each batch refreshes the read snapshot if anything changed. Nothing else touches the state,
/// so no locks.
/// </summary>
internal sealed partial class MasterLoop
{
    private readonly Channel<IMasterMessage> _inbox = Channel.CreateBounded<IMasterMessage>(
        new BoundedChannelOptions(16_384) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly MasterRuntime _runtime;
    private readonly ILogger _log;

    public MasterLoop(MasterRuntime runtime, ILogger log)
    {
        _runtime = runtime;
        _log = log;
    }

    public MasterRuntime Runtime => _runtime;

    public ValueTask PostAsync(IMasterMessage message, CancellationToken ct = default) => _inbox.Writer.WriteAsync(message, ct);

    /// <summary>Best effort post from code that must not wait (stream teardown callbacks).</summary>
    public bool TryPost(IMasterMessage message) => _inbox.Writer.TryWrite(message);

    public async Task<T> AskAsync<T>(MasterRequest<T> request, CancellationToken ct = default)
    {
        await _inbox.Writer.WriteAsync(request, ct);
        return await request.Reply.WaitAsync(ct);
    }

    public Task<T> AskAsync<T>(Func<MasterRuntime, T> func, CancellationToken ct = default) => AskAsync(new FuncRequest<T>(func), ct);

    public Task RunAsync(CancellationToken ct) => Task.Run(() => LoopAsync(ct), ct);

    public void Complete() => _inbox.Writer.TryComplete();

    private async Task LoopAsync(CancellationToken ct)
    {
        var reader = _inbox.Reader;
        try
        {
            while (await reader.WaitToReadAsync(ct))
            {
                while (reader.TryRead(out var message))
                {
                    try
                    {
                        message.Apply(_runtime);
                    }
                    catch (Exception e)
                    {
                        // A bug in one handler must not take the master down; the request's
                        // caller got the exception, the log gets the details.
                        LogHandlerFailed(_log, message.GetType().Name, e);
                    }
                }
                try
                {
                    _runtime.AfterBatch();
                }
                catch (Exception e)
                {
                    // Same rule: a failed snapshot must not stop the loop (readers keep the last one).
                    LogHandlerFailed(_log, "AfterBatch", e);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "master loop: {Message} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string message, Exception error);
}
