namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>agent.Call</c>: what an operator POSTs to the agent's <c>/api/v1</c>; the body named after <see cref="Type"/> is set.</summary>
public sealed record AgentCall
{
    /// <summary>The call.</summary>
    public AgentCallType? Type { get; init; }

    /// <summary>For GET_METRICS.</summary>
    public GetMetricsCall? GetMetrics { get; init; }

    /// <summary>For LAUNCH_NESTED_CONTAINER_SESSION.</summary>
    public LaunchNestedContainerSessionCall? LaunchNestedContainerSession { get; init; }

    /// <summary>For WAIT_NESTED_CONTAINER.</summary>
    public WaitNestedContainerCall? WaitNestedContainer { get; init; }
}
