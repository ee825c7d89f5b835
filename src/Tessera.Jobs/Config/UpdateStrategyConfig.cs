namespace Tessera.Jobs.Config;

/// <summary>How an update walks the instances.</summary>
public enum UpdateStrategyKind
{
    Queue,
    Batch,
    VariableBatch,
}

/// <summary>
/// QueueUpdateStrategy(batch_size 1), BatchUpdateStrategy(batch_size 1, autopause_after_batch
/// false) or VariableBatchUpdateStrategy(batch_sizes, autopause_after_batch false).
/// </summary>
public sealed record UpdateStrategyConfig(
    UpdateStrategyKind Kind,
    int BatchSize = 1,
    ValueList<int>? BatchSizes = null,
    bool AutopauseAfterBatch = false);
