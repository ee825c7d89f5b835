namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Value.Set</c>.</summary>
public sealed record ValueSet
{
    /// <summary>The members (proto field <c>item</c>).</summary>
    public IReadOnlyList<string>? Item { get; init; }
}
