namespace Tessera.Agent.Gc;

/// <summary>
/// What one pass of the sandbox GC does: the folders to remove now (oldest first), the age limit
/// it applied, and when the next scheduled folder becomes due at that limit (null: none left).
/// </summary>
internal sealed record GcPlan(IReadOnlyList<string> Remove, TimeSpan MaxAge, DateTimeOffset? NextDue);
