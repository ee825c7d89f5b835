using Tessera.Agent.Containerizer;
using Tessera.Agent.Nested;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Operator;

namespace Tessera.Agent.Tests.Http;

/// <summary>What a nested container call must be before anything runs, and the wait status encoding.</summary>
public sealed class NestedCallCheckTests
{
    private static LaunchNestedContainerSessionCall Call(string id = "s1", string? parent = "p", CommandInfo? command = null) => new()
    {
        ContainerId = new ContainerID { Value = id, Parent = parent is null ? null : ContainerID.Of(parent) },
        Command = command ?? new CommandInfo { Value = "true" },
    };

    [Fact]
    public void AWellFormedSessionPasses() => Assert.Null(NestedCallCheck.Launch(Call()));

    [Theory]
    [InlineData("..", "container_id.value")]
    [InlineData("a/b", "container_id.value")]
    [InlineData(".hidden", "container_id.value")]
    [InlineData("", "container_id.value' is required")]
    public void ANestedIdMustBeASafeFolderName(string id, string field) =>
        Assert.Contains(field, NestedCallCheck.Launch(Call(id)), StringComparison.Ordinal);

    [Fact]
    public void ProblemsAreNamedByField()
    {
        Assert.Contains("'launch_nested_container_session.container_id.parent' is required", NestedCallCheck.Launch(Call(parent: null)), StringComparison.Ordinal);
        Assert.Contains("parent.parent", NestedCallCheck.Launch(Call() with { ContainerId = new ContainerID { Value = "x", Parent = new ContainerID { Value = "p", Parent = ContainerID.Of("q") } } }), StringComparison.Ordinal);
        Assert.Contains("'launch_nested_container_session.command.value' is required", NestedCallCheck.Launch(Call(command: new CommandInfo { Shell = false })), StringComparison.Ordinal);
        Assert.Contains("NUL", NestedCallCheck.Launch(Call(command: new CommandInfo { Shell = false, Value = "ls", Arguments = ["ls", "a\0b"] })), StringComparison.Ordinal);
        Assert.Contains("at most", NestedCallCheck.Launch(Call(command: new CommandInfo { Value = new string('x', NestedCallCheck.MaxCommandBytes + 1) })), StringComparison.Ordinal);
        Assert.Contains("'launch_nested_container_session.container'", NestedCallCheck.Launch(Call() with { Container = new ContainerInfo { Type = ContainerType.MESOS } }), StringComparison.Ordinal);
        Assert.Contains("uris", NestedCallCheck.Launch(Call(command: new CommandInfo { Value = "true", Uris = [new CommandUri { Value = "http://127.0.0.1/x" }] })), StringComparison.Ordinal);
        Assert.Contains("'wait_nested_container' is required", NestedCallCheck.Wait(null), StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheContainersOwnUserIsAllowed()
    {
        Assert.Null(NestedCallCheck.User(new CommandInfo { Value = "id" }, "nobody"));
        Assert.Null(NestedCallCheck.User(new CommandInfo { Value = "id", User = "nobody" }, "nobody"));
        Assert.Contains("'root' is not the container's user", NestedCallCheck.User(new CommandInfo { Value = "id", User = "root" }, "nobody"), StringComparison.Ordinal);
        Assert.Contains("the agent's own user", NestedCallCheck.User(new CommandInfo { Value = "id", User = "root" }, null), StringComparison.Ordinal);
    }

    [Fact]
    public void ExitsAndSignalsAreWaitStatuses()
    {
        Assert.Equal(3 << 8, NestedSessionRunner.WaitStatus(new ContainerExit(3, null)));
        Assert.Equal(9, NestedSessionRunner.WaitStatus(new ContainerExit(null, 9)));
        var failed = NestedSessionRunner.Result(statusFile: null, exitCode: 2, killed: false);
        Assert.Equal((2 << 8, (TaskState?)TaskState.TASK_FAILED), (failed.ExitStatus, failed.State));
        Assert.Equal(TaskState.TASK_KILLED, NestedSessionRunner.Result(null, 143, killed: true).State);
        Assert.Equal(15, NestedSessionRunner.Result(null, 143, killed: true).ExitStatus);
    }
}
