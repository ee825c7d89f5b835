using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Updates;
using static Tessera.Jobs.Tests.Updates.UpdateWorld;

namespace Tessera.Jobs.Tests.Updates;

public sealed class UpdateStarterTests
{
    private static StartResult Start(UpdateWorld world, JobSpec from, JobSpec to, IReadOnlyList<int>? scope = null,
        UpdateSettings? settings = null) =>
        UpdateStarter.Start(new UpdateRequest("u1", to, settings ?? Settings(), scope, At(0), " canary "),
            from, world.Tasks);

    [Fact]
    public void OnlyInstancesWhoseConfigChangesAreInTheWorkingSet()
    {
        var world = new UpdateWorld().Running(JobOf(3, 1));
        world.Put(world["old-1"] with { Spec = JobOf(3, 2).Instance(1) });

        var started = Assert.IsType<StartResult.Started>(Start(world, JobOf(3, 1), JobOf(3, 2)));

        Assert.Equal([0, 2], started.Update.Instances.Select(p => p.Instance));
        Assert.Equal("canary", started.Update.Message);
        Assert.Equal("updating 2 instances: canary", started.Update.Events[0].Message);
        var original = Assert.Single(started.Update.Original);
        Assert.Equal([0, 2], original.Instances.ToArray());
        Assert.Equal(1, started.Update.OriginalOf(2)!.Resources.Cpus);
        Assert.Null(started.Update.OriginalOf(1));
    }

    [Fact]
    public void AnUpdateThatChangesNothingIsANoOp()
    {
        var world = new UpdateWorld().Running(JobOf(2, 1));

        var result = Start(world, JobOf(2, 1), JobOf(2, 1));

        Assert.Equal("nothing to update: every instance in scope already runs this config",
            Assert.IsType<StartResult.NoChange>(result).Message);
    }

    [Fact]
    public void AScopeLimitsTheUpdateAndTheJobDuringItCountsEveryInstanceEitherHas()
    {
        var world = new UpdateWorld().Running(JobOf(4, 1));

        var canary = Assert.IsType<StartResult.Started>(Start(world, JobOf(4, 1), JobOf(4, 2), [0]));
        Assert.Equal([0], canary.Update.Instances.Select(p => p.Instance));

        var grow = Assert.IsType<StartResult.Started>(Start(world, JobOf(4, 1), JobOf(6, 1)));
        Assert.Equal(6, grow.JobDuring.Instances);
        var shrink = Assert.IsType<StartResult.Started>(Start(world, JobOf(4, 1), JobOf(2, 1)));
        Assert.Equal(4, shrink.JobDuring.Instances);
        Assert.Equal(2, shrink.Update.To.Instances);
    }

    [Theory]
    [InlineData(new[] { 7 }, "instances: instance 7 is in neither the job (0-3) nor the new config (0-1)")]
    [InlineData(new[] { 2 }, "instances: the update would leave a gap")]
    public void ScopesThatNameNoInstanceOrLeaveAGapAreRefused(int[] scope, string problem)
    {
        var world = new UpdateWorld().Running(JobOf(4, 1));

        var refused = Assert.IsType<StartResult.Refused>(Start(world, JobOf(4, 1), JobOf(2, 1), scope));

        Assert.StartsWith(problem, refused.Problem);
    }

    [Fact]
    public void BadSettingsAreRefusedNamingTheField()
    {
        var world = new UpdateWorld().Running(JobOf(2, 1));

        var refused = Start(world, JobOf(2, 1), JobOf(2, 2), settings: Settings(pulse: 5));

        Assert.Equal("settings.pulse_interval_secs: must be at least 60, not 5",
            Assert.IsType<StartResult.Refused>(refused).Problem);
        Assert.Equal("batch_sizes: the queue strategy takes one size, not 2", Settings(sizes: [1, 2]).Problem());
        Assert.Equal("autopause_after_batch: the queue strategy has no batches to pause after",
            Settings(autopause: true).Problem());
    }
}
