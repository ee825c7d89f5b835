namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>TaskResourceLimitation</c>: the resources whose limit a task hit.</summary>
public sealed record TaskResourceLimitation
{
    /// <summary>The resources.</summary>
    public IReadOnlyList<Resource>? Resources { get; init; }
}
