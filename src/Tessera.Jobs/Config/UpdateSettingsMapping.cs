using Tessera.Jobs.Updates;

namespace Tessera.Jobs.Config;

/// <summary>
/// A config's <c>update_config</c> as the settings of <c>tessera update start</c>: the effective
/// strategy (explicit, else batch with <c>wait_for_batch_completion</c>, else queue of
/// <c>batch_size</c>), watch, failure limits, rollback and pulse. <c>sla_aware</c> is refused
/// before this by <see cref="ConfigSupport"/>.
/// </summary>
public static class UpdateSettingsMapping
{
    public static UpdateSettings ToSettings(UpdateConfig? config)
    {
        var u = config ?? UpdateConfig.Default;
        var strategy = u.EffectiveStrategy;
        var kind = strategy.Kind switch
        {
            UpdateStrategyKind.Batch => UpdateStrategy.Batch,
            UpdateStrategyKind.VariableBatch => UpdateStrategy.VariableBatch,
            _ => UpdateStrategy.Queue,
        };
        int[] sizes = kind == UpdateStrategy.VariableBatch
            ? [.. (IEnumerable<int>?)strategy.BatchSizes ?? []]
            : [strategy.BatchSize];
        return new UpdateSettings(kind, [.. sizes], strategy.AutopauseAfterBatch, u.WatchSecs, u.MaxPerShardFailures,
            u.MaxTotalFailures, u.RollbackOnFailure, u.PulseIntervalSecs);
    }
}
