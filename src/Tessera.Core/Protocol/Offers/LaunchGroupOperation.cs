namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Offer.Operation.LaunchGroup</c>.</summary>
public sealed record LaunchGroupOperation
{
    /// <summary>The (default) executor that runs the group.</summary>
    public required ExecutorInfo Executor { get; init; }

    /// <summary>The tasks.</summary>
    public required TaskGroupInfo TaskGroup { get; init; }
}
