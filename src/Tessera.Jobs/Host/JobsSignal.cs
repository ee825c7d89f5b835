using Tessera.Core.Protocol.Scheduler;
using Tessera.Jobs.Framework;

namespace Tessera.Jobs.Host;

/// <summary>What the scheduler loop reacts to: the master's stream, the ticker, and requests from the API.</summary>
internal abstract record JobsSignal
{
    private JobsSignal()
    {
    }

    public sealed record Connected(SchedulerConnection Connection, int Generation) : JobsSignal;

    public sealed record EventArrived(SchedulerEvent Event, int Generation) : JobsSignal;

    public sealed record Disconnected(int Generation, string Reason) : JobsSignal;

    public sealed record Tick : JobsSignal;

    /// <summary>Work to run on the loop with the state (it completes its own task).</summary>
    public sealed record Ask(Func<JobsCore, CancellationToken, Task> Work, string Name) : JobsSignal;
}
