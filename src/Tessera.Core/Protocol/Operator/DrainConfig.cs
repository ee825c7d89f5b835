namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>DrainConfig</c>.</summary>
public sealed record DrainConfig
{
    /// <summary>The longest kill grace period allowed.</summary>
    public DurationInfo? MaxGracePeriod { get; init; }

    /// <summary>Mark the agent gone when drained.</summary>
    public bool? MarkGone { get; init; }
}
