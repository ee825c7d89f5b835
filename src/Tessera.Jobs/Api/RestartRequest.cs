using System.Collections.Immutable;
using System.Globalization;
using Tessera.Jobs.Updates;

namespace Tessera.Jobs.Api;

/// <summary>
/// The body of <c>…/restart</c> (Aurora's <c>aurora job restart</c>): the instances (all when
/// <see cref="Instances"/> is absent or <see cref="All"/> is true) and how the rolling restart goes.
/// A restart is an update whose old and new configs are the same: every instance's task is
/// replaced, in fixed batches, each watched like an update's.
/// </summary>
public sealed record RestartRequest(
    ImmutableArray<int>? Instances = null,
    bool All = false,
    int BatchSize = 1,
    int WatchSecs = RestartRequest.DefaultWatchSecs,
    int MaxPerInstanceFailures = 0,
    int MaxTotalFailures = 0)
{
    /// <summary>Aurora's client default for <c>job restart --watch-secs</c>.</summary>
    public const int DefaultWatchSecs = 30;

    /// <summary>The update's settings: batches of <see cref="BatchSize"/>, nothing to roll back to.</summary>
    public UpdateSettings Settings() => new(UpdateStrategy.Batch, [BatchSize], WatchSecs: WatchSecs,
        MaxPerInstanceFailures: MaxPerInstanceFailures, MaxTotalFailures: MaxTotalFailures, RollbackOnFailure: false);

    /// <summary>The first rule broken, as "field: rule, not value" (snake_case field names), or null.</summary>
    public string? Problem() =>
        BatchSize < 1 ? Rule("batch_size", "at least 1", BatchSize)
        : WatchSecs < 0 ? Rule("watch_secs", "at least 0", WatchSecs)
        : MaxPerInstanceFailures < 0 ? Rule("max_per_instance_failures", "at least 0", MaxPerInstanceFailures)
        : MaxTotalFailures < 0 ? Rule("max_total_failures", "at least 0", MaxTotalFailures)
        : null;

    private static string Rule(string field, string rule, int value) =>
        string.Create(CultureInfo.InvariantCulture, $"{field}: must be {rule}, not {value}");
}
