using Microsoft.Extensions.Logging;
using Tessera.Master.Agents;
using Tessera.Master.Hosting;
using Tessera.Master.Events;
using Tessera.Master.Frameworks;
using Tessera.Master.Offers;
using Tessera.Master.Snapshots;
using Tessera.Master.State;
using Tessera.Master.Tasks;

namespace Tessera.Master.Loop;

/// <summary>
/// The state and the components that act on it, one per concern. Lives on the master loop; the
/// components call each other directly because they all run there.
/// </summary>
internal sealed class MasterRuntime
{
    public MasterRuntime(MasterState state, MasterIdentity identity, ILogger log)
    {
        State = state;
        Identity = identity;
        Log = log;
        Outbox = new Outbox();
        Tasks = new TaskManager(this);
        Offers = new OfferManager(this);
        Accepts = new AcceptProcessor(this);
        Frameworks = new SubscriptionManager(this);
        Agents = new AgentManager(this);
        Snapshots = new SnapshotPublisher(this);
        Watchers = new OperatorSubscribers(this);
    }

    public MasterState State { get; }
    /// <summary>Set once more after start when the bound port is known.</summary>
    public MasterIdentity Identity { get; set; }
    public ILogger Log { get; }
    public Outbox Outbox { get; }
    public TaskManager Tasks { get; }
    public OfferManager Offers { get; }
    public AcceptProcessor Accepts { get; }
    public SubscriptionManager Frameworks { get; }
    public AgentManager Agents { get; }
    public SnapshotPublisher Snapshots { get; }
    /// <summary>Operator API SUBSCRIBE streams.</summary>
    public OperatorSubscribers Watchers { get; }

    /// <summary>Hook for registry writes and other side effects that leave the loop.</summary>
    public Registry.IRegistryWriter Registry { get; set; } = Tessera.Master.Registry.NullRegistryWriter.Instance;

    public DateTimeOffset Now => State.Now;

    /// <summary>Marks state changed so the next batch end republishes the read snapshot.</summary>
    public void Changed() => Snapshots.MarkDirty();

    private bool _allocationRequested;

    /// <summary>
    /// Asks for an allocation cycle at the end of this batch instead of the next tick (REVIVE: a
    /// framework that asks for offers gets them at once, as Mesos' allocator does); several
    /// requests in one batch make one cycle.
    /// </summary>
    public void RequestAllocation() => _allocationRequested = true;

    public void AfterBatch()
    {
        try
        {
            if (_allocationRequested)
            {
                _allocationRequested = false;
                Offers.Allocate();
            }
        }
        finally
        {
            // Readers get this batch's state even when the allocation failed (the loop logs that).
            Snapshots.PublishIfDirty();
        }
    }
}
