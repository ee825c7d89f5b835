namespace Tessera.State;

/// <summary>One key of a listing, with its value and version (the revision of its last write).</summary>
public sealed record KeyValueEntry(string Key, ReadOnlyMemory<byte> Value, long Version);
