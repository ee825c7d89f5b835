using Tessera.Core.Protocol;

namespace Tessera.Core.AgentLink;

/// <summary>Agent → master, <c>POST /agent/v1/pong</c>: the answer to a <see cref="Ping"/>.</summary>
public sealed record AgentPong
{
    public required AgentID AgentId { get; init; }
    public required long Sequence { get; init; }
}

/// <summary>
/// Agent → master, <c>POST /agent/v1/status</c>. A <c>202</c> means the master has taken it and
/// will deliver it; the agent keeps retrying until the framework's acknowledgement comes back.
/// </summary>
public sealed record AgentStatusUpdate
{
    public required AgentID AgentId { get; init; }
    public required FrameworkID FrameworkId { get; init; }
    public required MesosTaskStatus Status { get; init; }
}

/// <summary>Agent → master, <c>POST /agent/v1/executor-exited</c>: becomes a FAILURE event.</summary>
public sealed record AgentExecutorExited
{
    public required AgentID AgentId { get; init; }
    public required FrameworkID FrameworkId { get; init; }
    public required ExecutorID ExecutorId { get; init; }
    public int? Status { get; init; }
}

/// <summary>Agent → master, <c>POST /agent/v1/message</c>: executor data for the scheduler (MESSAGE event).</summary>
public sealed record AgentExecutorMessage
{
    public required AgentID AgentId { get; init; }
    public required FrameworkID FrameworkId { get; init; }
    public required ExecutorID ExecutorId { get; init; }
    public required ByteString Data { get; init; }
}

/// <summary>Agent → master, first body of <c>POST /agent/v1/stream</c>.</summary>
public sealed record AgentStreamRequest
{
    public required AgentID AgentId { get; init; }
}

/// <summary>
/// Agent → master, <c>POST /agent/v1/statuses</c>: several updates in one request. An agent with
/// many tasks sends what it has pending together, which keeps the per-request cost off each update.
/// </summary>
public sealed record AgentStatusUpdates
{
    public required IReadOnlyList<AgentStatusUpdate> Updates { get; init; }
}

/// <summary>The answer to <see cref="AgentStatusUpdates"/>: one receipt per update, in order.</summary>
public sealed record AgentStatusReceipts
{
    public required IReadOnlyList<AgentStatusReceipt> Receipts { get; init; }
}

/// <summary>What <c>/agent/v1/status</c> would have answered for this update: 202 taken, 403, 404 (with why).</summary>
public sealed record AgentStatusReceipt
{
    public required int Code { get; init; }
    public string? Message { get; init; }
}
