namespace Tessera.State.Registry;

/// <summary>A role's quota: guaranteed and maximum amounts per scalar resource name.</summary>
public sealed record RegistryQuota(
    string Role, IReadOnlyDictionary<string, double> Guarantees, IReadOnlyDictionary<string, double> Limits);
