namespace Tessera.State.Registry;

/// <summary>Stored JSON of the maintenance schedule (the master's JSON, kept as a string).</summary>
internal sealed record StoredMaintenance(string Schedule);
