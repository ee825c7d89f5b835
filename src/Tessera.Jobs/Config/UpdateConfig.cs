namespace Tessera.Jobs.Config;

/// <summary>Rolling-update settings with Aurora's defaults.</summary>
public sealed record UpdateConfig(
    int BatchSize = 1,
    int WatchSecs = 45,
    int MaxPerShardFailures = 0,
    int MaxTotalFailures = 0,
    bool RollbackOnFailure = true,
    bool WaitForBatchCompletion = false,
    int? PulseIntervalSecs = null,
    bool SlaAware = false,
    UpdateStrategyConfig? UpdateStrategy = null)
{
    public static readonly UpdateConfig Default = new();

    /// <summary>
    /// The strategy an update uses: the explicit one, else Batch when
    /// <c>wait_for_batch_completion</c> is set, else Queue (Aurora's client rule).
    /// </summary>
    public UpdateStrategyConfig EffectiveStrategy =>
        UpdateStrategy ?? new UpdateStrategyConfig(
            WaitForBatchCompletion ? UpdateStrategyKind.Batch : UpdateStrategyKind.Queue, BatchSize);
}
