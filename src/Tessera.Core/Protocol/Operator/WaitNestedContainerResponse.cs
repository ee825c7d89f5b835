namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>agent.Response.WaitNestedContainer</c>: how a nested container ended.</summary>
public sealed record WaitNestedContainerResponse
{
    /// <summary>The wait(2) status of the container's command (<c>WIFEXITED</c>/<c>WEXITSTATUS</c> decode it: exit code N is N × 256, signal S is S).</summary>
    public int? ExitStatus { get; init; }

    /// <summary>The state a task in it would have ended in.</summary>
    public TaskState? State { get; init; }

    /// <summary>Why, when known.</summary>
    public TaskStatusReason? Reason { get; init; }

    /// <summary>A message, e.g. why the command could not start.</summary>
    public string? Message { get; init; }
}
