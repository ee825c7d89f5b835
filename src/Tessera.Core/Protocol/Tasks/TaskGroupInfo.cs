namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>TaskGroupInfo</c>: tasks launched together under one executor.</summary>
public sealed record TaskGroupInfo
{
    /// <summary>The tasks.</summary>
    public IReadOnlyList<TaskInfo>? Tasks { get; init; }
}
