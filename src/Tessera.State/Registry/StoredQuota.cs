namespace Tessera.State.Registry;

/// <summary>Stored JSON of a quota entry.</summary>
internal sealed record StoredQuota(string Role, Dictionary<string, double> Guarantees, Dictionary<string, double> Limits);
