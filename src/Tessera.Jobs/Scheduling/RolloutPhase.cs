using System.Text.Json.Serialization;

namespace Tessera.Jobs.Scheduling;

/// <summary>Where a rolling restart is: still rolling, ended done, ended failed (too many failed instances), or aborted on request.</summary>
public enum RolloutPhase
{
    [JsonStringEnumMemberName("rolling")]
    Rolling,

    [JsonStringEnumMemberName("done")]
    Done,

    [JsonStringEnumMemberName("failed")]
    Failed,

    [JsonStringEnumMemberName("aborted")]
    Aborted,
}
