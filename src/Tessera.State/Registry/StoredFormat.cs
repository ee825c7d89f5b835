namespace Tessera.State.Registry;

/// <summary>Stored JSON of the registry format marker.</summary>
internal sealed record StoredFormat(int Version);
