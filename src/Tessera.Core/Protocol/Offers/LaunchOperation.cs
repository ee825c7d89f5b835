namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Offer.Operation.Launch</c>.</summary>
public sealed record LaunchOperation
{
    /// <summary>The tasks to launch.</summary>
    public IReadOnlyList<TaskInfo>? TaskInfos { get; init; }
}
