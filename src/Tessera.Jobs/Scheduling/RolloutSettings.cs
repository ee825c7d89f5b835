using System.Globalization;
using System.Text.Json.Serialization;

namespace Tessera.Jobs.Scheduling;

/// <summary>
/// How a rolling restart goes (Aurora's <c>aurora job restart</c> options): <see cref="BatchSize"/>
/// instances at a time; an instance is done once its replacement has been RUNNING (and not
/// unhealthy) for <see cref="WatchSecs"/> without a break; a replacement that ends before that is a
/// failure of its instance, more than <see cref="MaxPerInstanceFailures"/> of them fail the
/// instance, and more than <see cref="MaxTotalFailures"/> failed instances fail the restart.
/// </summary>
public sealed record RolloutSettings(int BatchSize = 1, int WatchSecs = RolloutSettings.DefaultWatchSecs,
    int MaxPerInstanceFailures = 0, int MaxTotalFailures = 0)
{
    /// <summary>Aurora's client default for <c>--watch-secs</c>.</summary>
    public const int DefaultWatchSecs = 30;

    /// <summary>How long a replacement must run.</summary>
    [JsonIgnore]
    public TimeSpan Watch => TimeSpan.FromSeconds(WatchSecs);

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
