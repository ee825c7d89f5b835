namespace Tessera.Jobs.Scheduling;

/// <summary>
/// A job as the scheduler keeps it: its key, how many instances, and the instance template
/// (<see cref="TaskSpec.InstanceId"/> of the template is ignored; <see cref="Instance"/> sets it).
/// </summary>
public sealed record JobSpec(JobKey Key, int Instances, TaskSpec Template)
{
    /// <summary>The spec of instance <paramref name="instanceId"/>.</summary>
    public TaskSpec Instance(int instanceId) => Template with { Job = Key, InstanceId = instanceId };
}
