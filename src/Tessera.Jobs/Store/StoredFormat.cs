namespace Tessera.Jobs.Store;

/// <summary>Stored JSON of the job store's format marker.</summary>
internal sealed record StoredFormat(int Version);
