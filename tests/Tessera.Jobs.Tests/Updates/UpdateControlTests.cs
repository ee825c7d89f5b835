using Tessera.Jobs.Updates;
using static Tessera.Jobs.Tests.Updates.UpdateWorld;

namespace Tessera.Jobs.Tests.Updates;

public sealed class UpdateControlTests
{
    private static JobUpdate Rolling() =>
        new UpdateWorld().Running(JobOf(2, 1)).Start(JobOf(2, 1), JobOf(2, 2), Settings()).Update;

    private static JobUpdate Changed(ControlResult result) => Assert.IsType<ControlResult.Changed>(result).Update;

    [Fact]
    public void PauseAndResumeKeepTheDirection()
    {
        var paused = Changed(UpdateControl.Pause(Rolling(), At(1)));
        Assert.Equal(UpdateStatus.ROLL_FORWARD_PAUSED, paused.Status);
        Assert.Equal("paused on request", paused.Events[^1].Message);
        Assert.Equal("update u1 of devcluster/www-data/prod/web is already paused (ROLL_FORWARD_PAUSED)",
            Assert.IsType<ControlResult.Refused>(UpdateControl.Pause(paused, At(2))).Reason);

        var back = Changed(UpdateControl.Pause(Changed(UpdateControl.Rollback(Rolling(), At(1))), At(2)));
        Assert.Equal(UpdateStatus.ROLL_BACK_PAUSED, back.Status);
        Assert.Equal(UpdateStatus.ROLLING_BACK, Changed(UpdateControl.Resume(back, At(3))).Status);
        Assert.IsType<ControlResult.Refused>(UpdateControl.Resume(Rolling(), At(3)));
    }

    [Fact]
    public void AnEndedUpdateRefusesEveryMove()
    {
        var aborted = Changed(UpdateControl.Abort(Rolling(), At(1)));

        Assert.Equal(UpdateStatus.ABORTED, aborted.Status);
        Assert.Equal(At(1), aborted.EndedAt);
        foreach (var move in new Func<JobUpdate, DateTimeOffset, ControlResult>[]
                 { UpdateControl.Pause, UpdateControl.Resume, UpdateControl.Abort, UpdateControl.Rollback,
                   UpdateControl.Pulse })
        {
            Assert.EndsWith("has ended (ABORTED)", Assert.IsType<ControlResult.Refused>(move(aborted, At(2))).Reason);
        }
        Assert.Empty(UpdateEvaluator.Decide(aborted, [], At(3)).Actions);
    }

    [Theory]
    [InlineData("active", true)]
    [InlineData("ROLLING_FORWARD", true)]
    [InlineData("rolling_forward", true)]
    [InlineData("succeeded", false)]
    public void StatusFiltersMatchNamesAndGroups(string filter, bool matches) =>
        Assert.Equal(matches, UpdateStatus.ROLLING_FORWARD.Matches(filter));
}
