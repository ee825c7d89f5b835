namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Unavailability</c>: a window starting at <see cref="Start"/>.</summary>
public sealed record Unavailability
{
    /// <summary>The start.</summary>
    public required TimeInfo Start { get; init; }

    /// <summary>The length (forever when absent).</summary>
    public DurationInfo? Duration { get; init; }
}
