using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.RecordIo;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Jobs.Framework;
using Tessera.Jobs.Store;
using Tessera.State;

namespace Tessera.Jobs.Host;

/// <summary>
/// The jobs scheduler, a Mesos framework (<c>tessera-jobs</c>, checkpointing, failover timeout a
/// week): loads the <see cref="JobStore"/> (SQLite under the data dir), subscribes with the stored
/// framework id, reconciles, and from then on places, launches, kills and replaces tasks. One loop
/// over a bounded channel owns the state (<see cref="JobsCore"/>); the event stream, a ticker and
/// API requests (<see cref="AskAsync{T}"/>) only post to it. Stopping it leaves the framework and
/// its tasks on the master for the next start (no teardown).
/// </summary>
public sealed class JobsScheduler : IAsyncDisposable
{
    private readonly Channel<JobsSignal> _signals = Channel.CreateBounded<JobsSignal>(new BoundedChannelOptions(4096) { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly JobsSchedulerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SqliteKeyValueStore _kv;
    private readonly JobsCore _core;
    private readonly TaskCompletionSource<string> _firstSubscription = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;
    private Task _connector = Task.CompletedTask;
    private Task _ticker = Task.CompletedTask;
    private SchedulerConnection? _connection;
    private int _generation;

    private JobsScheduler(JobsSchedulerOptions options, TimeProvider time, ILogger logger, SqliteKeyValueStore kv, JobsCore core)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _kv = kv;
        _core = core;
    }

    /// <summary>Completes with the framework id once the first subscription is accepted.</summary>
    public Task<string> Subscribed => _firstSubscription.Task;

    public static async Task<JobsScheduler> StartAsync(JobsSchedulerOptions options, TimeProvider? time = null, ILoggerFactory? logs = null,
        Func<Guid>? ids = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        time ??= TimeProvider.System;
        var logger = (logs ?? NullLoggerFactory.Instance).CreateLogger("Tessera.Jobs");
        Directory.CreateDirectory(options.DataDir);
        var kv = await SqliteKeyValueStore.OpenAsync(options.DatabasePath, ct);
        try
        {
            var store = await JobStore.OpenAsync(kv, ct);
            var loaded = await store.LoadAsync(ct);
            var core = new JobsCore(store, loaded, options, time, ids ?? Guid.NewGuid, logger);
            var scheduler = new JobsScheduler(options, time, logger, kv, core);
            scheduler.Start();
            return scheduler;
        }
        catch
        {
            await kv.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> on the loop with the state and returns its answer.</summary>
    internal async Task<T> AskAsync<T>(Func<JobsCore, CancellationToken, Task<T>> work, CancellationToken ct, string name = "request")
    {
        var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _signals.Writer.WriteAsync(new JobsSignal.Ask(async (core, loopCt) =>
        {
            try
            {
                answer.TrySetResult(await work(core, loopCt));
            }
            catch (Exception e)
            {
                answer.TrySetException(e);
                throw;
            }
        }, name), ct);
        return await answer.Task.WaitAsync(ct);
    }

    internal Task<T> AskAsync<T>(Func<JobsCore, T> read, CancellationToken ct) => AskAsync((core, _) => Task.FromResult(read(core)), ct, "read");

    private void Start()
    {
        var ct = _stop.Token;
        _loop = LoopAsync(ct);
        _connector = ConnectAsync(ct);
        _ticker = TickAsync(ct);
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        await foreach (var signal in _signals.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await HandleAsync(signal, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
            }
            catch (Exception e) when (signal is JobsSignal.Ask)
            {
                JobsLog.LoopFailed(_logger, e, ((JobsSignal.Ask)signal).Name);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or SchedulerConnectionException or HttpRequestException)
            {
                JobsLog.LoopFailed(_logger, e, signal.GetType().Name);
            }
        }
    }

    private async Task HandleAsync(JobsSignal signal, CancellationToken ct)
    {
        switch (signal)
        {
            case JobsSignal.Ask ask:
                await ask.Work(_core, ct);
                break;
            case JobsSignal.Tick:
                await _core.OnTickAsync(ct);
                break;
            case JobsSignal.Connected connected:
                _connection = connected.Connection;
                _generation = connected.Generation;
                break;
            case JobsSignal.Disconnected disconnected when disconnected.Generation == _generation:
                JobsLog.Disconnected(_logger, disconnected.Reason);
                _connection = null;
                _core.OnDisconnected();
                break;
            case JobsSignal.EventArrived arrived when arrived.Generation == _generation && _connection is { } connection:
                await OnEventAsync(connection, arrived.Event, ct);
                break;
        }
    }

    private async Task OnEventAsync(SchedulerConnection connection, SchedulerEvent e, CancellationToken ct)
    {
        switch (e.Type)
        {
            case SchedulerEventType.SUBSCRIBED when e.Subscribed is { } subscribed:
                await _core.OnSubscribedAsync(subscribed.FrameworkId.Value, connection.Master, (call, c) => SendAsync(connection, call, c), ct);
                _firstSubscription.TrySetResult(subscribed.FrameworkId.Value);
                break;
            case SchedulerEventType.OFFERS when e.Offers?.Offers is { } offers:
                await _core.OnOffersAsync(offers, ct);
                break;
            case SchedulerEventType.UPDATE when e.Update is { } update:
                await _core.OnUpdateAsync(update.Status, ct);
                break;
            case SchedulerEventType.ERROR when e.Error is { } error:
                _core.OnRemoved(error.Message);
                _connection = null;
                break;
        }
    }

    private async Task SendAsync(SchedulerConnection connection, SchedulerCall call, CancellationToken ct)
    {
        try
        {
            await connection.CallAsync(call, ct);
        }
        catch (Exception e) when (e is SchedulerConnectionException or ObjectDisposedException or HttpRequestException or IOException)
        {
            JobsLog.CallFailed(_logger, call.Type?.ToString() ?? "call", e.Message);
        }
    }

    private async Task ConnectAsync(CancellationToken ct)
    {
        var generation = 0;
        while (!ct.IsCancellationRequested)
        {
            generation++;
            string reason;
            await using (var connection = new SchedulerConnection(_options.Master))
            {
                try
                {
                    var info = await AskAsync(core => core.Framework(), ct);
                    var events = await connection.SubscribeAsync(info, ct);
                    await _signals.Writer.WriteAsync(new JobsSignal.Connected(connection, generation), ct);
                    await foreach (var e in events.WithCancellation(ct))
                        await _signals.Writer.WriteAsync(new JobsSignal.EventArrived(e, generation), ct);
                    reason = "the master closed it";
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is SchedulerConnectionException or MesosJsonException or RecordIoException or IOException or HttpRequestException)
                {
                    reason = e.Message;
                }
            }
            if (!_signals.Writer.TryWrite(new JobsSignal.Disconnected(generation, reason))) return;
            try
            {
                await Task.Delay(_options.ReconnectDelay, _time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task TickAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(NextTickIn(), _time, ct);
                await _signals.Writer.WriteAsync(new JobsSignal.Tick(), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (ChannelClosedException)
        {
        }
    }

    /// <summary>The tick interval, or less when a cron run is due sooner (never under 10 ms, so a due
    /// time the loop has not reached yet does not flood it with ticks).</summary>
    private TimeSpan NextTickIn()
    {
        var interval = _options.TickInterval;
        if (_core.NextCronDue is not { } due) return interval;
        var until = due - _time.GetUtcNow();
        return until < interval ? TimeSpan.FromMilliseconds(Math.Max(10, until.TotalMilliseconds)) : interval;
    }

        /// <summary>Stops the loop and closes the store; the framework stays registered (failover timeout) and its tasks keep running.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_connector, _ticker).ContinueWith(_ => { }, TaskScheduler.Default);
        _signals.Writer.TryComplete();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _firstSubscription.TrySetCanceled();
        await _kv.DisposeAsync();
        _stop.Dispose();
    }
}
