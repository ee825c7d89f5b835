using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Tessera.Jobs.Updates;

/// <summary>How an update walks the instances (Aurora's update strategies).</summary>
public enum UpdateStrategy
{
    /// <summary>A sliding window: at most N instances in progress; the next starts when one ends.</summary>
    [JsonStringEnumMemberName("queue")]
    Queue,

    /// <summary>Fixed batches of N: the next batch starts when every instance of this one has ended.</summary>
    [JsonStringEnumMemberName("batch")]
    Batch,

    /// <summary>Batches of the listed sizes, the last size repeating.</summary>
    [JsonStringEnumMemberName("variable_batch")]
    VariableBatch,
}

/// <summary>
/// An update's settings, from the new config's <c>update_config</c> (Aurora's defaults): the
/// strategy and its <see cref="BatchSizes"/> (one size for queue and batch), whether to pause after
/// each batch, how long a new task must run (<see cref="WatchSecs"/>), the failure limits, whether
/// to roll back by itself, and the pulse interval (the update blocks without a pulse).
/// </summary>
public sealed record UpdateSettings(
    UpdateStrategy Strategy,
    ImmutableArray<int> BatchSizes,
    bool AutopauseAfterBatch = false,
    int WatchSecs = UpdateSettings.DefaultWatchSecs,
    int MaxPerInstanceFailures = 0,
    int MaxTotalFailures = 0,
    bool RollbackOnFailure = true,
    int? PulseIntervalSecs = null)
{
    /// <summary>Aurora's <c>watch_secs</c> default.</summary>
    public const int DefaultWatchSecs = 45;

    /// <summary>Aurora's client refuses shorter pulse intervals.</summary>
    public const int MinPulseIntervalSecs = 60;

    /// <summary>
    /// Aurora's <c>UpdateConfig()</c>: one instance at a time, 45 s watch, no failures allowed, roll back.
    /// </summary>
    public static UpdateSettings Default { get; } = new(UpdateStrategy.Queue, [1]);

    /// <summary>How long a new task must run.</summary>
    [JsonIgnore]
    public TimeSpan Watch => TimeSpan.FromSeconds(WatchSecs);

    /// <summary>The size of batch <paramref name="index"/> (the window, for the queue).</summary>
    public int SizeOf(int index) => BatchSizes[Math.Min(index, BatchSizes.Length - 1)];

    /// <summary>The first rule broken, as "field: rule, not value" (snake_case names), or null.</summary>
    public string? Problem()
    {
        if (BatchSizes.IsDefaultOrEmpty) return "batch_sizes: must list at least one size";
        if (Strategy != UpdateStrategy.VariableBatch && BatchSizes.Length != 1)
        {
            return $"batch_sizes: the {Strategy.ToString().ToLowerInvariant()} strategy takes one size, "
                + $"not {BatchSizes.Length}";
        }
        if (BatchSizes.FirstOrDefault(s => s < 1, 1) is var bad and < 1)
            return Rule("batch_sizes", "each at least 1", bad);
        if (AutopauseAfterBatch && Strategy == UpdateStrategy.Queue)
            return "autopause_after_batch: the queue strategy has no batches to pause after";
        return WatchSecs < 0 ? Rule("watch_secs", "at least 0", WatchSecs)
            : MaxPerInstanceFailures < 0 ? Rule("max_per_instance_failures", "at least 0", MaxPerInstanceFailures)
            : MaxTotalFailures < 0 ? Rule("max_total_failures", "at least 0", MaxTotalFailures)
            : PulseIntervalSecs is { } p && p < MinPulseIntervalSecs
                ? Rule("pulse_interval_secs", $"at least {MinPulseIntervalSecs}", p)
            : null;
    }

    private static string Rule(string field, string rule, int value) =>
        string.Create(CultureInfo.InvariantCulture, $"{field}: must be {rule}, not {value}");
}
