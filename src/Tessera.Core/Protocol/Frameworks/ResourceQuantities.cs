namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>OfferFilters.ResourceQuantities</c>: <c>{"quantities":{"cpus":{"value":1.0}}}</c>.</summary>
public sealed record ResourceQuantities
{
    /// <summary>Quantities by resource name.</summary>
    public IReadOnlyDictionary<string, ValueScalar>? Quantities { get; init; }
}
