using Tessera.Core.AgentLink;

namespace Tessera.Agent.Executors;

/// <summary>Something for the master about an executor: it exited, or it sent the framework a message.</summary>
internal sealed record ExecutorNotice(AgentExecutorExited? Exited = null, AgentExecutorMessage? Message = null);
