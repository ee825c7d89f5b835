namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Value.Scalar</c>.</summary>
public sealed record ValueScalar
{
    /// <summary>The quantity.</summary>
    public required double Value { get; init; }

    /// <summary>Creates a scalar.</summary>
    public static ValueScalar Of(double value) => new() { Value = value };
}
