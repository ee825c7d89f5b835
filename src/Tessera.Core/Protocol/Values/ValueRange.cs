namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Value.Range</c>: an inclusive range <c>[begin, end]</c>.</summary>
public sealed record ValueRange
{
    /// <summary>The first value.</summary>
    public required ulong Begin { get; init; }

    /// <summary>The last value (inclusive).</summary>
    public required ulong End { get; init; }

    /// <summary>Creates a range.</summary>
    public static ValueRange Of(ulong begin, ulong end) => new() { Begin = begin, End = end };
}
