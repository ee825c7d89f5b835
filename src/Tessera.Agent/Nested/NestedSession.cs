using Tessera.Core.Protocol.Operator;

namespace Tessera.Agent.Nested;

/// <summary>One nested container session: its ids and, once it has ended, how (for WAIT_NESTED_CONTAINER).</summary>
internal sealed class NestedSession(string parentId, string id)
{
    public string ParentId { get; } = parentId;
    public string Id { get; } = id;

    /// <summary>Completes when the session's command has ended (or could not start).</summary>
    public TaskCompletionSource<WaitNestedContainerResponse> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
