namespace Tessera.Jobs.Scheduling;

/// <summary>
/// Aurora's <c>PartitionPolicy</c>: when a task's agent becomes unreachable the task is PARTITIONED;
/// with <see cref="Reschedule"/> it becomes LOST (and is replaced) after <see cref="DelaySecs"/>,
/// without it it waits for the agent to come back.
/// </summary>
public sealed record PartitionPolicy(bool Reschedule = true, int DelaySecs = 0)
{
    /// <summary>Aurora's default: reschedule at once.</summary>
    public static PartitionPolicy Default { get; } = new();
}
