using Tessera.Cli.Client;
using Tessera.Jobs.Api;
using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Updates;

namespace Tessera.Cli.Tests.Jobs;

/// <summary>The text of <c>tessera job status</c> and <c>update info</c>, from made-up answers.</summary>
public sealed class JobTextTests
{
    private static readonly DateTimeOffset Noon = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheHeaderShowsTheJobsContact()
    {
        var output = new StringWriter();

        JobText.WriteStatus(output, new JobStatus("devcluster/www-data/prod/web", 0, null, true, "serve", [], "web@example.com"));

        Assert.StartsWith("job devcluster/www-data/prod/web: 0 instance(s), service\ncontact: web@example.com\ncommand: serve\n",
            output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void UpdateInfoShowsSettingsEveryInstanceAndTheEventsInTimeOrder()
    {
        var summary = new UpdateSummary("devcluster/www-data/prod/web", "u1", UpdateStatus.ROLLING_BACK, Noon, Noon.AddSeconds(40), null,
            "v2", "1 instance failed", 2, 0, 1, [0]);
        var details = new UpdateDetails(summary, new UpdateSettings(UpdateStrategy.VariableBatch, [1, 2], WatchSecs: 30), 2, 2,
        [
            new UpdateInstanceStatus(0, InstancePhase.Working, "t-0-b", ScheduleStatus.RUNNING, true, Noon.AddSeconds(45), "new", 0, null),
            new UpdateInstanceStatus(1, InstancePhase.Failed, "t-1-c", ScheduleStatus.FAILED, null, Noon.AddSeconds(39), "new", 1, "exit 1"),
        ],
        [new UpdateEvent(Noon, UpdateStatus.ROLLING_FORWARD, "updating 2 instances: v2"), new UpdateEvent(Noon.AddSeconds(40), UpdateStatus.ROLLING_BACK, "1 instance failed")],
        [new InstanceEvent(Noon.AddSeconds(1), 1, InstanceAction.INSTANCE_UPDATING, "moving to the new config")]);
        var output = new StringWriter();

        UpdateText.WriteInfo(output, details, Noon.AddSeconds(50));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToArray();
        Assert.Equal("update u1 of devcluster/www-data/prod/web: ROLLING_BACK (0 of 2 done, 1 failed, working 0)", lines[0]);
        Assert.Equal("message: v2", lines[1]);
        Assert.Equal("variable_batch 1,2, watch 30 s, max failures 0 per instance and 0 in total, rollback on failure; instances 2 -> 2",
            lines[2]);
        Assert.Matches("^0 +working +new -> old +t-0-b +RUNNING +healthy +5s$", lines[4]);
        Assert.Matches("^1 +failed +new -> old +t-1-c +FAILED +- +11s +1 failed: exit 1$", lines[5]);
        Assert.Equal(["events:", "  2024-05-01 12:00:00Z ROLLING_FORWARD: updating 2 instances: v2",
            "  2024-05-01 12:00:01Z instance 1 INSTANCE_UPDATING: moving to the new config",
            "  2024-05-01 12:00:40Z ROLLING_BACK: 1 instance failed"], lines[6..]);
    }

    [Theory]
    [InlineData("batch_size: must be at least 1, not 0", "--batch-size: must be at least 1, not 0")]
    [InlineData("max_per_instance_failures: must be at least 0, not -1", "--max-per-instance-failures: must be at least 0, not -1")]
    public void ApiFieldsAreNamedAsOptions(string problem, string expected) => Assert.Equal(expected, JobText.AsOption(problem));
}
