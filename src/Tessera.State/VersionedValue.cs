namespace Tessera.State;

/// <summary>A stored value and its version: the store revision of the commit that last wrote it.</summary>
public sealed record VersionedValue(ReadOnlyMemory<byte> Value, long Version);
