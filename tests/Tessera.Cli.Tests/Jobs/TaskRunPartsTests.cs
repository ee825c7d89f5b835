using System.Collections.Immutable;
using Tessera.Cli.Client;
using Tessera.Core.Protocol;
using Tessera.Jobs.Api;
using Tessera.Jobs.Scheduling;

namespace Tessera.Cli.Tests.Jobs;

/// <summary>The pure parts of <c>task run</c> and <c>task logs --process</c>.</summary>
public sealed class TaskRunPartsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(7 << 8, 7)]
    [InlineData(255 << 8, 255)]
    [InlineData(9, 137)]
    [InlineData(15, 143)]
    public void AWaitStatusBecomesTheShellsExitCode(int waitStatus, int code) => Assert.Equal(code, TaskRun.ExitCode(waitStatus));

    [Fact]
    public void OneWordIsAShellStringSeveralAreAnArgv()
    {
        Assert.Equal(new CommandInfo { Shell = true, Value = "echo $HOME; ls" }, TaskRun.Command(["echo $HOME; ls"]));
        var argv = TaskRun.Command(["ls", "-la", "a b"]);
        Assert.Equal((false, "ls"), (argv.Shell, argv.Value));
        Assert.Equal(["ls", "-la", "a b"], argv.Arguments!);
    }

    [Fact]
    public void ATargetWithSlashesIsAJobKeyOtherwiseATaskId()
    {
        Assert.Equal(new TaskTarget("web-1", null), TaskTarget.Parse("web-1"));
        var job = TaskTarget.Parse("devcluster/www-data/prod/hello/0-1,3");
        Assert.Null(job.TaskId);
        Assert.Equal("devcluster/www-data/prod/hello", job.Job!.Key.ToString());
        Assert.Equal(new[] { 0, 1, 3 }, job.Job.Instances!.Value.ToArray());
        Assert.Equal(2, Assert.Throws<CliException>(() => TaskTarget.Parse("a/b")).ExitCode);
    }

    private static InstanceStatus Instance(int i, string? task, ScheduleStatus status) =>
        new(i, task, status, null, null, null, null, 0, null, [], []);

    [Fact]
    public void InstancesArePickedInOrderAndAMissingOneIsNamed()
    {
        var status = new JobStatus("k", 3, null, true, null, [Instance(2, "t2", ScheduleStatus.RUNNING), Instance(0, "t0", ScheduleStatus.RUNNING), Instance(1, null, ScheduleStatus.PENDING)], null);
        Assert.Equal([new(0, "t0", ScheduleStatus.RUNNING), new(1, null, ScheduleStatus.PENDING), new JobInstanceTask(2, "t2", ScheduleStatus.RUNNING)], JobTasks.Pick(status, "c/r/e/n", null));
        Assert.Equal(["t2"], JobTasks.Pick(status, "c/r/e/n", ImmutableArray.Create(2)).Select(i => i.TaskId));
        var missing = Assert.Throws<CliException>(() => JobTasks.Pick(status, "c/r/e/n", ImmutableArray.Create(0, 7)));
        Assert.Equal("job c/r/e/n has no instance 7 (its instances: 0,1,2)", missing.Message);
    }

    [Fact]
    public void TheLatestRunIsTheHighestNumber()
    {
        Assert.Equal(10, ProcessLogs.LatestRun(["0", "2", "10", "9", "notes"]));
        Assert.Null(ProcessLogs.LatestRun(["x"]));
        Assert.True(ProcessLogs.IsName("serve_2.web-1"));
        Assert.False(ProcessLogs.IsName(".."));
        Assert.False(ProcessLogs.IsName("a/b"));
        Assert.False(ProcessLogs.IsName(""));
    }
}
