using Microsoft.Extensions.Logging.Abstractions;
using Tessera.Agent.Tests;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Core.Resources;
using Tessera.Jobs.Host;
using Tessera.Jobs.Store;
using Tessera.Jobs.Tests.Store;
using Tessera.State;

namespace Tessera.Jobs.Tests.Host;

/// <summary>
/// A <see cref="JobsCore"/> driven by hand as the scheduler loop drives it: a fake master (calls
/// recorded, offers and updates made up), a real job store in a temp dir, a manual clock.
/// <see cref="RestartAsync"/> drops the core and loads a new one from the store, as a scheduler
/// killed and started again would.
/// </summary>
internal sealed class CoreHarness : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private SqliteKeyValueStore? _kv;
    private int _ids;
    private int _offers;

    private CoreHarness() { }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));

    public List<SchedulerCall> Calls { get; } = [];

    public JobStore Store { get; private set; } = null!;

    public JobsCore Core { get; private set; } = null!;

    public static async Task<CoreHarness> StartAsync()
    {
        var harness = new CoreHarness();
        Directory.CreateDirectory(Path.GetDirectoryName(harness._dir.DatabasePath)!);
        await harness.RestartAsync();
        return harness;
    }

    /// <summary>A new core on what the store holds (the old one is dropped mid-flight), subscribed again.</summary>
    public async Task RestartAsync()
    {
        if (_kv is not null) await _kv.DisposeAsync();
        _kv = await SqliteKeyValueStore.OpenAsync(_dir.DatabasePath, default);
        Store = await JobStore.OpenAsync(_kv, default);
        Core = new JobsCore(Store, await Store.LoadAsync(default),
            new JobsSchedulerOptions { Master = new Uri("http://127.0.0.1:1"), DataDir = _dir.Path }, Clock,
            () => new Guid(++_ids, 0, 0, new byte[8]), NullLogger.Instance);
        await Core.OnSubscribedAsync("fw-1", new Uri("http://127.0.0.1:1"), SendAsync, default);
    }

    public async ValueTask DisposeAsync()
    {
        if (_kv is not null) await _kv.DisposeAsync();
        _dir.Dispose();
    }

    private Task SendAsync(SchedulerCall call, CancellationToken ct)
    {
        Calls.Add(call);
        return Task.CompletedTask;
    }

    /// <summary>The task ids of the KILLs sent since the calls were last cleared.</summary>
    public List<string> KillsSent() =>
        [.. Calls.Where(c => c.Type == SchedulerCallType.KILL).Select(c => c.Kill!.TaskId.Value)];

    /// <summary>One offer big enough for everything pending; the ids of the tasks it launches.</summary>
    public async Task<List<string>> OfferAsync()
    {
        Calls.Clear();
        var offer = new Offer
        {
            Id = new OfferID { Value = $"offer-{++_offers}" },
            FrameworkId = new FrameworkID { Value = "fw-1" },
            AgentId = AgentID.Of("agent-1"),
            Hostname = "agent-1.example",
            Resources = ResourceWireForm.ToWire(ResourceSet.Parse("cpus:8;mem:8192;disk:8192;ports:[31000-31100]")),
        };
        await Core.OnOffersAsync([offer], default);
        return [.. Calls.Where(c => c.Type == SchedulerCallType.ACCEPT)
            .SelectMany(c => c.Accept!.Operations!.SelectMany(o => o.Launch!.TaskInfos!)).Select(t => t.TaskId.Value)];
    }

    /// <summary>Everything pending is launched and reported RUNNING.</summary>
    public async Task<List<string>> RunPendingAsync()
    {
        var launched = await OfferAsync();
        foreach (var id in launched)
            await UpdateAsync(id, TaskState.TASK_RUNNING);
        return launched;
    }

    public Task UpdateAsync(string taskId, TaskState state, bool? healthy = null) =>
        Core.OnUpdateAsync(new MesosTaskStatus
        {
            TaskId = TaskID.Of(taskId),
            State = state,
            AgentId = AgentID.Of("agent-1"),
            Healthy = healthy,
        }, default);

    /// <summary>Every KILL sent so far is answered with TASK_KILLED.</summary>
    public async Task KillsLandAsync()
    {
        var kills = KillsSent();
        Calls.Clear();
        foreach (var id in kills)
            await UpdateAsync(id, TaskState.TASK_KILLED);
    }

    public async Task TickAfterAsync(double seconds)
    {
        Clock.Advance(TimeSpan.FromSeconds(seconds));
        await Core.OnTickAsync(default);
    }
}
