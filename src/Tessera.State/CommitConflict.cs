namespace Tessera.State;

/// <summary>The condition that stopped a commit: the key, what was expected, and its current version (null: absent).</summary>
public sealed record CommitConflict(string Key, ExpectVersion Expected, long? CurrentVersion);
