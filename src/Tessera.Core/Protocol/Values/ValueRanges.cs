namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Value.Ranges</c>.</summary>
public sealed record ValueRanges
{
    /// <summary>The ranges (proto field <c>range</c>).</summary>
    public IReadOnlyList<ValueRange>? Range { get; init; }
}
