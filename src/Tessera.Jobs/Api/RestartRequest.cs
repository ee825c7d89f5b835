using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Api;

/// <summary>
/// The body of <c>…/restart</c>: the instances (all when <see cref="Instances"/> is absent or
/// <see cref="All"/> is true) and how the rolling restart goes (<see cref="RolloutSettings"/>).
/// </summary>
public sealed record RestartRequest(
    ImmutableArray<int>? Instances = null,
    bool All = false,
    int BatchSize = 1,
    int WatchSecs = RolloutSettings.DefaultWatchSecs,
    int MaxPerInstanceFailures = 0,
    int MaxTotalFailures = 0)
{
    [JsonIgnore]
    public RolloutSettings Settings => new(BatchSize, WatchSecs, MaxPerInstanceFailures, MaxTotalFailures);
}
