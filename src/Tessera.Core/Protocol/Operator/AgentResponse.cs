namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>agent.Response</c>: the answer to a synchronous call on the agent's Operator API.</summary>
public sealed record AgentResponse
{
    /// <summary>The call answered.</summary>
    public AgentCallType? Type { get; init; }

    /// <summary>For GET_HEALTH.</summary>
    public GetHealthResponse? GetHealth { get; init; }

    /// <summary>For GET_FLAGS.</summary>
    public GetFlagsResponse? GetFlags { get; init; }

    /// <summary>For GET_VERSION.</summary>
    public GetVersionResponse? GetVersion { get; init; }

    /// <summary>For GET_METRICS.</summary>
    public GetMetricsResponse? GetMetrics { get; init; }

    /// <summary>For GET_STATE.</summary>
    public AgentGetStateResponse? GetState { get; init; }

    /// <summary>For GET_CONTAINERS.</summary>
    public GetContainersResponse? GetContainers { get; init; }

    /// <summary>For GET_FRAMEWORKS.</summary>
    public AgentGetFrameworksResponse? GetFrameworks { get; init; }

    /// <summary>For GET_EXECUTORS.</summary>
    public AgentGetExecutorsResponse? GetExecutors { get; init; }

    /// <summary>For GET_TASKS.</summary>
    public AgentGetTasksResponse? GetTasks { get; init; }

    /// <summary>For GET_AGENT.</summary>
    public GetAgentResponse? GetAgent { get; init; }

    /// <summary>For WAIT_NESTED_CONTAINER.</summary>
    public WaitNestedContainerResponse? WaitNestedContainer { get; init; }
}
