using Tessera.Core.Protocol.Scheduler;

namespace Tessera.Cli.Run;

/// <summary>What wakes <see cref="RunFramework"/>'s loop: an event from the master, the stream's end, a tick, Ctrl-C.</summary>
internal abstract record RunSignal
{
    public sealed record EventArrived(SchedulerEvent Event) : RunSignal;

    public sealed record StreamEnded(Exception? Error) : RunSignal;

    public sealed record Tick : RunSignal;

    public sealed record Interrupted : RunSignal;
}
