namespace Tessera.Jobs.Config;

/// <summary>What happens to a PARTITIONED task: reschedule (true) after delay_secs (0).</summary>
public sealed record PartitionPolicyConfig(bool Reschedule = true, int DelaySecs = 0);
