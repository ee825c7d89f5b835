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
