namespace Tessera.State.Registry;

/// <summary>Everything the master registry holds, read at one instant; immutable, keys in ordinal order.</summary>
/// <param name="Agents">Agents by id.</param>
/// <param name="Quotas">Quotas by role.</param>
/// <param name="Weights">Weights by role; roles absent here have the default weight.</param>
/// <param name="MaintenanceJson">The maintenance schedule's JSON, or null when none is set.</param>
public sealed record RegistrySnapshot(
    IReadOnlyDictionary<string, RegistryAgent> Agents,
    IReadOnlyDictionary<string, RegistryQuota> Quotas,
    IReadOnlyDictionary<string, double> Weights,
    string? MaintenanceJson);
