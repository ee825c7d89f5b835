namespace Tessera.Jobs.Updates;

/// <summary>What happened to an instance in an update: Aurora's <c>JobUpdateAction</c>, with the same names.</summary>
public enum InstanceAction
{
    INSTANCE_UPDATING,
    INSTANCE_UPDATED,
    INSTANCE_UPDATE_FAILED,
    INSTANCE_ROLLING_BACK,
    INSTANCE_ROLLED_BACK,
    INSTANCE_ROLLBACK_FAILED,
}

/// <summary>Where one instance of an update is in the current direction.</summary>
public enum InstancePhase
{
    /// <summary>Not started yet.</summary>
    Waiting,

    /// <summary>Being moved to its desired config (old task killed, new one watched).</summary>
    Working,

    /// <summary>On its desired config and ran it for the watch (or removed).</summary>
    Succeeded,

    /// <summary>More failures than <c>max_per_shard_failures</c>.</summary>
    Failed,
}
