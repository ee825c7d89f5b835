using System.Collections.Immutable;
using Tessera.Core.Protocol;
using Tessera.Core.Resources;
using Tessera.Jobs.Framework;
using Tessera.Jobs.Scheduling;
using Resource = Tessera.Core.Protocol.Resource;

namespace Tessera.Jobs.Tests.Framework;

/// <summary>
/// Which way a job's task runs. Regression for reliability-probe finding 7: a REST job with only
/// <c>command</c> under a scheduler with a process-tree executor was sent to that executor with no
/// task and failed forever; it now runs as a plain command task.
/// </summary>
public sealed class TaskInfoBuilderTests
{
    private static readonly JobKey Key = new("c", "r", "prod", "j");
    private const string Thermos = "/usr/bin/tessera executor thermos";

    private static (TaskInfo Info, IReadOnlyList<Resource> Left) Build(string? command, string? taskJson, string? executor)
    {
        var spec = TaskSpec.Simple(Key, 0, new TaskResources(0.5, 64, 10)) with { Command = command, TaskJson = taskJson };
        var task = ScheduledTask.Create("t-0", spec, DateTimeOffset.UnixEpoch);
        var offered = ResourceWireForm.ToWire(ResourceSet.Parse("cpus:2;mem:1024;disk:100"));
        return TaskInfoBuilder.Build(task, new TaskAssignment("t-0", "o", "a", "h", ImmutableSortedDictionary<string, int>.Empty), offered, executor, new TaskResources(0.1, 32, 0));
    }

    [Fact]
    public void OnlyACommandRunsAsACommandTaskEvenWithAProcessTreeExecutor()
    {
        var (info, left) = Build("sleep 5", taskJson: null, Thermos);

        Assert.Null(info.Executor);
        Assert.Equal("sleep 5", info.Command!.Value);
        Assert.Equal(1.5, ResourceWireForm.FromWire(left).Cpus);
    }

    [Fact]
    public void ATaskJsonRunsUnderTheProcessTreeExecutorWithItsShare()
    {
        var (info, left) = Build("sleep 5", """{"name":"t","processes":[{"name":"p","cmdline":"sleep 5"}]}""", Thermos);

        Assert.Null(info.Command);
        Assert.Equal(Thermos, info.Executor!.Command!.Value);
        Assert.Contains("\"processes\"", System.Text.Encoding.UTF8.GetString(info.Data!.Span));
        Assert.Equal(1.4, ResourceWireForm.FromWire(left).Cpus);
    }

    [Fact]
    public void WithoutAnExecutorTheCommandRuns()
    {
        var (info, _) = Build("sleep 5", """{"name":"t","processes":[{"name":"p","cmdline":"sleep 5"}]}""", executor: null);

        Assert.Null(info.Executor);
        Assert.Equal("sleep 5", info.Command!.Value);
    }
}
