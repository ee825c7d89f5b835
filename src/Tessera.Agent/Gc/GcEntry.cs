namespace Tessera.Agent.Gc;

/// <summary>A folder scheduled for removal and the time its age counts from (when it was scheduled, or its mtime when found at start).</summary>
internal sealed record GcEntry(string Path, DateTimeOffset ScheduledAt);
