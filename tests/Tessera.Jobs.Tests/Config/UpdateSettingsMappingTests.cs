using Tessera.Jobs.Config;
using Tessera.Jobs.Updates;

namespace Tessera.Jobs.Tests.Config;

/// <summary>A config's <c>update_config</c> becomes the settings <c>update start</c> sends, field by field.</summary>
public sealed class UpdateSettingsMappingTests
{
    [Fact]
    public void AuroraDefaultsAreAQueueOfOneWatchedFortyFiveSecondsWithRollback()
    {
        var settings = UpdateSettingsMapping.ToSettings(null);

        Assert.Equal(UpdateSettings.Default, settings with { BatchSizes = UpdateSettings.Default.BatchSizes });
        Assert.Equal([1], settings.BatchSizes.ToArray());
        Assert.Equal(45, settings.WatchSecs);
        Assert.True(settings.RollbackOnFailure);
        Assert.Null(settings.PulseIntervalSecs);
    }

    [Fact]
    public void EveryFieldIsCarriedOver()
    {
        var config = new UpdateConfig(BatchSize: 3, WatchSecs: 10, MaxPerShardFailures: 2, MaxTotalFailures: 1,
            RollbackOnFailure: false, WaitForBatchCompletion: true, PulseIntervalSecs: 120);

        var settings = UpdateSettingsMapping.ToSettings(config);

        Assert.Equal(new UpdateSettings(UpdateStrategy.Batch, settings.BatchSizes, false, 10, 2, 1, false, 120),
            settings);
        Assert.Equal([3], settings.BatchSizes.ToArray());
    }

    [Fact]
    public void AnExplicitStrategyWinsWithItsSizesAndAutopause()
    {
        var variable = new UpdateConfig(UpdateStrategy: new UpdateStrategyConfig(UpdateStrategyKind.VariableBatch,
            BatchSizes: new ValueList<int>([1, 2, 3]), AutopauseAfterBatch: true));
        var queue = new UpdateConfig(UpdateStrategy: new UpdateStrategyConfig(UpdateStrategyKind.Queue, BatchSize: 4));

        var v = UpdateSettingsMapping.ToSettings(variable);
        var q = UpdateSettingsMapping.ToSettings(queue);

        Assert.Equal(UpdateStrategy.VariableBatch, v.Strategy);
        Assert.Equal([1, 2, 3], v.BatchSizes.ToArray());
        Assert.True(v.AutopauseAfterBatch);
        Assert.Equal(UpdateStrategy.Queue, q.Strategy);
        Assert.Equal([4], q.BatchSizes.ToArray());
        Assert.Null(v.Problem());
    }
}
