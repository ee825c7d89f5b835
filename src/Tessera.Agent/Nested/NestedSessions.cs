using Microsoft.AspNetCore.Http;
using Tessera.Core.Protocol.Operator;

namespace Tessera.Agent.Nested;

/// <summary>
/// The agent's nested container sessions, owned by the agent loop: open ones, and the last
/// <see cref="KeepEnded"/> ended ones so a WAIT_NESTED_CONTAINER after the stream closed still
/// answers. Ids are unique per parent while remembered.
/// </summary>
internal sealed class NestedSessions
{
    public const int KeepEnded = 256;

    /// <summary>Sessions running at once on this agent; more are refused (429) until one ends.</summary>
    public const int MaxOpen = 64;

    private int _open;

    /// <summary>Sessions registered and not yet ended.</summary>
    public int OpenCount => _open;

    private readonly Dictionary<(string Parent, string Id), NestedSession> _sessions = [];
    private readonly Queue<(string Parent, string Id)> _ended = new();

    /// <summary>Registers a session in the running container <paramref name="parentId"/>; refused when the parent isn't running or the id is taken.</summary>
    public (NestedSession? Session, NestedParent? Parent, NestedRefusal? Refusal) Open(AgentRuntime rt, string parentId, string id)
    {
        var (parent, refusal) = NestedParents.Find(rt, parentId);
        if (parent is null) return (null, null, refusal);
        if (_sessions.ContainsKey((parentId, id)))
            return (null, null, new NestedRefusal(StatusCodes.Status409Conflict, $"'container_id.value': nested container '{id}' already exists in '{parentId}'; use a new id"));
        if (_open >= MaxOpen)
            return (null, null, new NestedRefusal(StatusCodes.Status429TooManyRequests, $"{MaxOpen} nested container sessions are running on this agent; wait for one to end"));
        var session = new NestedSession(parentId, id);
        _sessions[(parentId, id)] = session;
        _open++;
        return (session, parent, null);
    }

    public NestedSession? Find(string parentId, string id) => _sessions.GetValueOrDefault((parentId, id));

    /// <summary>Records how the session ended and forgets the oldest ended ones beyond <see cref="KeepEnded"/>.</summary>
    public void End(NestedSession session, WaitNestedContainerResponse result)
    {
        if (!session.Ended.TrySetResult(result)) return;
        _open--;
        _ended.Enqueue((session.ParentId, session.Id));
        while (_ended.Count > KeepEnded) _sessions.Remove(_ended.Dequeue());
    }
}
