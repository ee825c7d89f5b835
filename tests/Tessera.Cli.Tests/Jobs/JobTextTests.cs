using System.Collections.Immutable;
using Tessera.Cli.Client;
using Tessera.Jobs.Api;
using Tessera.Jobs.Scheduling;

namespace Tessera.Cli.Tests.Jobs;

/// <summary>The restart section of <c>tessera job status</c>, from a made-up status.</summary>
public sealed class JobTextTests
{
    private static readonly DateTimeOffset Noon = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ARollingRestartShowsItsSettingsProgressAndTheBatchBeingWatched()
    {
        var restart = new RestartStatus(RolloutPhase.Rolling, new RolloutSettings(2, 30, 1, 0), Noon, null,
            [3], [new RestartInFlight(1, "t-1-a", "t-1-c", ScheduleStatus.RUNNING, 1, 12.5), new RestartInFlight(2, "t-2-a", "t-2-a", ScheduleStatus.RESTARTING, 0, null)],
            [0], [], [new RolloutOutcome(4, "no active task: nothing to restart")], null);
        var output = new StringWriter();

        JobText.WriteRestart(output, restart);

        Assert.Equal("""
            restart rolling: batch 2, watch 30 s, max failures 1 per instance and 0 in total; started 12:00:00
              done 1 (0); in flight 2 (1,2); remaining 1 (3); failed 0; skipped 1 (4)
              instance 1: t-1-c RUNNING, running healthy 12.5 of 30 s, 1 failed replacement(s)
              instance 2: t-2-a RESTARTING (being replaced)
              instance 4 skipped: no active task: nothing to restart

            """.Replace("\r\n", "\n", StringComparison.Ordinal), output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void TheHeaderShowsTheJobsContact()
    {
        var output = new StringWriter();

        JobText.WriteStatus(output, new JobStatus("devcluster/www-data/prod/web", 0, null, true, "serve", [], null, "web@example.com"));

        Assert.StartsWith("job devcluster/www-data/prod/web: 0 instance(s), service\ncontact: web@example.com\ncommand: serve\n",
            output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void AFailedRestartSaysWhy()
    {
        var restart = new RestartStatus(RolloutPhase.Failed, new RolloutSettings(), Noon, Noon.AddSeconds(40),
            [2], [], [0], [new RolloutOutcome(1, "1 replacement failed")], ImmutableArray<RolloutOutcome>.Empty, "1 instance failed, more than max_total_failures 0");
        var output = new StringWriter();

        JobText.WriteRestart(output, restart);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("restart failed: batch 1, watch 30 s, max failures 0 per instance and 0 in total; started 12:00:00, ended 12:00:40", lines[0]);
        Assert.Equal("  instance 1 failed: 1 replacement failed", lines[2]);
        Assert.Equal("  failed: 1 instance failed, more than max_total_failures 0", lines[^1]);
    }

    [Theory]
    [InlineData("batch_size: must be at least 1, not 0", "--batch-size: must be at least 1, not 0")]
    [InlineData("max_per_instance_failures: must be at least 0, not -1", "--max-per-instance-failures: must be at least 0, not -1")]
    public void ApiFieldsAreNamedAsOptions(string problem, string expected) => Assert.Equal(expected, JobText.AsOption(problem));
}
