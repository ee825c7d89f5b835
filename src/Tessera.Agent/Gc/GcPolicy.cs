namespace Tessera.Agent.Gc;

/// <summary>
/// <c>--gc-delay</c> (how long a finished sandbox is kept, Mesos: 1 week) and
/// <c>--gc-disk-headroom</c> (Mesos: 0.1): the fuller the work dir's disk, the sooner sandboxes go.
/// </summary>
internal sealed record GcPolicy(TimeSpan Delay, double DiskHeadroom);
