namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>agent.Response.GetState</c>.</summary>
public sealed record AgentGetStateResponse
{
    /// <summary>Tasks.</summary>
    public AgentGetTasksResponse? GetTasks { get; init; }

    /// <summary>Executors.</summary>
    public AgentGetExecutorsResponse? GetExecutors { get; init; }

    /// <summary>Frameworks.</summary>
    public AgentGetFrameworksResponse? GetFrameworks { get; init; }
}
