namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response.GetState</c>.</summary>
public sealed record GetStateResponse
{
    /// <summary>Tasks.</summary>
    public GetTasksResponse? GetTasks { get; init; }

    /// <summary>Executors.</summary>
    public GetExecutorsResponse? GetExecutors { get; init; }

    /// <summary>Frameworks.</summary>
    public GetFrameworksResponse? GetFrameworks { get; init; }

    /// <summary>Agents.</summary>
    public GetAgentsResponse? GetAgents { get; init; }
}
