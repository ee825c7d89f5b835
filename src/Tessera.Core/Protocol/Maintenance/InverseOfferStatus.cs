namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>InverseOfferStatus</c>.</summary>
public sealed record InverseOfferStatus
{
    /// <summary>The answer.</summary>
    public required InverseOfferStatusKind Status { get; init; }

    /// <summary>The framework.</summary>
    public required FrameworkID FrameworkId { get; init; }

    /// <summary>When it answered.</summary>
    public required TimeInfo Timestamp { get; init; }
}
