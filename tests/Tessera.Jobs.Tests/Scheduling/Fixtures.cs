using System.Collections.Immutable;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Tests.Scheduling;

internal static class Fixtures
{
    public static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static JobKey Job(string name = "web", string role = "www-data") => new("devcluster", role, "prod", name);

    public static ImmutableSortedDictionary<string, string> Map(params (string Key, string Value)[] pairs) =>
        pairs.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static TaskSpec Spec(
        JobKey? job = null, int instance = 0, double cpus = 1, long ram = 1024, long disk = 1024, double gpus = 0,
        string[]? ports = null, ImmutableSortedDictionary<string, string>? constraints = null, bool service = false,
        int maxFailures = 1, int priority = 0, PartitionPolicy? partition = null) =>
        new(job ?? Job(), instance, new TaskResources(cpus, ram, disk, gpus), [.. ports ?? []],
            constraints ?? Map(), service, maxFailures, priority, partition);

    public static ScheduledTask Pending(TaskSpec spec, string? id = null) =>
        ReschedulePolicy.Initial(id ?? $"{spec.Job.Name}-{spec.InstanceId}", spec, T0);

    public static PlacementOffer Offer(
        string agent, double cpus = 4, long ram = 8192, long disk = 8192, double gpus = 0,
        ImmutableSortedDictionary<string, string>? attributes = null, PortRange[]? ports = null, string? host = null) =>
        new($"offer-{agent}", agent, host ?? $"{agent}.example", attributes ?? Map(), cpus, ram, disk, gpus,
            [.. ports ?? [new PortRange(31000, 31009)]]);

    public static PlacedTask Placed(JobKey job, PlacementOffer where) => new(job, where.AgentId, where.Hostname, where.Attributes);

    /// <summary>Moves a task along a path of states, one second apart, failing the test on a refusal.</summary>
    public static ScheduledTask Walk(ScheduledTask task, DateTimeOffset start, params ScheduleStatus[] path) =>
        Walk(task, start, TimeSpan.FromSeconds(1), path);

    public static ScheduledTask Walk(ScheduledTask task, DateTimeOffset start, TimeSpan step, params ScheduleStatus[] path)
    {
        var at = start;
        foreach (var status in path)
        {
            at += step;
            var result = status == ScheduleStatus.ASSIGNED
                ? TaskStateMachine.Assign(task, "agent-1", "agent-1.example", ImmutableSortedDictionary<string, int>.Empty, at)
                : TaskStateMachine.Transition(task, status, at, $"to {status}");
            Assert.IsType<TransitionResult.Changed>(result);
            task = result.Task;
        }
        return task;
    }
}
