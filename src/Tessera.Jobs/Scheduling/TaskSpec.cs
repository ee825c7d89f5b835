using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Tessera.Jobs.Scheduling;

/// <summary>
/// What the scheduler needs to know about one instance of a job: the small input the config
/// loader's job model is mapped to. <see cref="Constraints"/> are as Aurora writes them:
/// <c>attr → "v1,v2"</c>, <c>"!v"</c>, <c>"limit:N"</c>, incl. <c>host</c> and <c>dedicated</c>.
/// </summary>
/// <param name="Job">The job the instance belongs to.</param>
/// <param name="InstanceId">0-based instance number.</param>
/// <param name="Resources">What the instance asks for.</param>
/// <param name="Ports">Named ports (<c>thermos.ports[name]</c>), each given a number from the offer.</param>
/// <param name="Constraints">Scheduling constraints by attribute name.</param>
/// <param name="IsService">Services are replaced whenever they end.</param>
/// <param name="MaxTaskFailures">Failures allowed before a non-service instance stays failed; -1 unlimited.</param>
/// <param name="Priority">Higher places first.</param>
/// <param name="PartitionPolicy">What PARTITIONED leads to; null means <see cref="PartitionPolicy.Default"/>.</param>
/// <param name="Command">A shell command line run as a plain command task (when no process-tree executor is configured).</param>
/// <param name="TaskJson">The task's JSON for the process-tree executor (<c>TaskInfo.data</c>), from the config loader.</param>
/// <param name="Contact">Who to ask about the job (Aurora's <c>contact</c>), kept and shown, nothing more.</param>
public sealed record TaskSpec(
    JobKey Job,
    int InstanceId,
    TaskResources Resources,
    ImmutableArray<string> Ports,
    ImmutableSortedDictionary<string, string> Constraints,
    bool IsService = false,
    int MaxTaskFailures = 1,
    int Priority = 0,
    PartitionPolicy? PartitionPolicy = null,
    string? Command = null,
    string? TaskJson = null,
    string? Contact = null)
{
    /// <summary>The policy in effect.</summary>
    [JsonIgnore]
    public PartitionPolicy EffectivePartitionPolicy => PartitionPolicy ?? Scheduling.PartitionPolicy.Default;

    /// <summary>
    /// Whether <paramref name="other"/> runs the same config as this one, whatever the instance
    /// (records compare arrays and maps by reference, and a stored spec is a new object).
    /// </summary>
    public bool SameConfig(TaskSpec other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ReferenceEquals(this, other) || (Job == other.Job && Resources == other.Resources
            && Ports.AsSpan().SequenceEqual(other.Ports.AsSpan()) && SameConstraints(other.Constraints)
            && IsService == other.IsService && MaxTaskFailures == other.MaxTaskFailures && Priority == other.Priority
            && EffectivePartitionPolicy == other.EffectivePartitionPolicy && Command == other.Command
            && TaskJson == other.TaskJson && Contact == other.Contact);
    }

    private bool SameConstraints(ImmutableSortedDictionary<string, string> other) =>
        Constraints.Count == other.Count
        && Constraints.All(c => other.TryGetValue(c.Key, out var v) && string.Equals(v, c.Value, StringComparison.Ordinal));

    /// <summary>A spec with no ports and no constraints.</summary>
    public static TaskSpec Simple(JobKey job, int instanceId, TaskResources resources, bool isService = false) =>
        new(job, instanceId, resources, [], ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal), isService);
}
