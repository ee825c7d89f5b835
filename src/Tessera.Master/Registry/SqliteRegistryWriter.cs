using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Tessera.State.Registry;

namespace Tessera.Master.Registry;

/// <summary>
/// Applies the loop's registry changes to the durable <see cref="MasterRegistry"/>, in order, off
/// the loop (a registry write fsyncs; the loop must not wait on the disk). <see cref="FlushAsync"/>
/// waits for everything queued so far, for shutdown and for tests.
/// </summary>
internal sealed partial class SqliteRegistryWriter : IRegistryWriter, IAsyncDisposable
{
    private readonly Channel<Func<CancellationToken, Task<RegistryResult>>> _queue = Channel.CreateUnbounded<Func<CancellationToken, Task<RegistryResult>>>(new() { SingleReader = true });
    private readonly MasterRegistry _registry;
    private readonly ILogger _log;
    private readonly Task _worker;
    private long _queued;
    private long _done;

    public SqliteRegistryWriter(MasterRegistry registry, ILogger log)
    {
        _registry = registry;
        _log = log;
        _worker = Task.Run(WorkAsync);
    }

    public void AgentAdmitted(string agentId, string hostname, string agentInfoJson) => Enqueue(ct => _registry.AdmitAgentAsync(agentId, hostname, agentInfoJson, ct));
    public void AgentUnreachable(string agentId) => Enqueue(ct => _registry.MarkUnreachableAsync(agentId, ct));
    public void AgentReachable(string agentId) => Enqueue(ct => _registry.MarkReachableAsync(agentId, ct));
    public void AgentGone(string agentId) => Enqueue(ct => _registry.MarkGoneAsync(agentId, ct));
    public void QuotaSet(string role, IReadOnlyDictionary<string, double> guarantees, IReadOnlyDictionary<string, double> limits) =>
        Enqueue(ct => _registry.SetQuotaAsync(new RegistryQuota(role, guarantees, limits), ct));
    public void QuotaRemoved(string role) => Enqueue(ct => _registry.RemoveQuotaAsync(role, ct));
    public void WeightsSet(IReadOnlyDictionary<string, double> weights) => Enqueue(ct => _registry.SetWeightsAsync(weights, ct));
    public void MaintenanceSet(string? scheduleJson) => Enqueue(ct => _registry.SetMaintenanceAsync(scheduleJson, ct));

    public async Task FlushAsync(CancellationToken ct = default)
    {
        var target = Interlocked.Read(ref _queued);
        while (Interlocked.Read(ref _done) < target && !_worker.IsCompleted)
            await Task.Delay(5, ct);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _worker;
    }

    private void Enqueue(Func<CancellationToken, Task<RegistryResult>> write)
    {
        Interlocked.Increment(ref _queued);
        _queue.Writer.TryWrite(write);
    }

    private async Task WorkAsync()
    {
        await foreach (var write in _queue.Reader.ReadAllAsync())
        {
            try
            {
                var result = await write(CancellationToken.None);
                if (!result.IsOk) LogRefused(_log, result.Error!.Message);
            }
            catch (Exception e)
            {
                LogFailed(_log, e);
            }
            Interlocked.Increment(ref _done);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "registry refused a change: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "registry write failed")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
