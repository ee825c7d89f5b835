using System.Text.Json.Serialization;

namespace Tessera.Jobs.Scheduling;

/// <summary>Where a rolling restart is: still rolling, ended done, or ended failed (too many failed instances).</summary>
public enum RolloutPhase
{
    [JsonStringEnumMemberName("rolling")]
    Rolling,

    [JsonStringEnumMemberName("done")]
    Done,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
