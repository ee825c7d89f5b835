namespace Tessera.Jobs.Store;

/// <summary>A stored value with its version, to write it back with <c>ExpectVersion.Exactly(Version)</c>.</summary>
public sealed record Versioned<T>(T Value, long Version);
