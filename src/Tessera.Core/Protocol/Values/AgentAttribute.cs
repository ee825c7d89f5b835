namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Attribute</c> (renamed to avoid <see cref="System.Attribute"/>): a named, typed agent attribute such as <c>rack:r1</c>.</summary>
public sealed record AgentAttribute
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>Which of the value fields is set.</summary>
    public required ValueKind Type { get; init; }

    /// <summary>The value when <see cref="Type"/> is SCALAR.</summary>
    public ValueScalar? Scalar { get; init; }

    /// <summary>The value when <see cref="Type"/> is RANGES.</summary>
    public ValueRanges? Ranges { get; init; }

    /// <summary>The value when <see cref="Type"/> is SET.</summary>
    public ValueSet? Set { get; init; }

    /// <summary>The value when <see cref="Type"/> is TEXT.</summary>
    public ValueText? Text { get; init; }
}
