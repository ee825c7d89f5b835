namespace Tessera.Jobs.Scheduling;

/// <summary>An instance a rolling restart finished with, and why (failed, or skipped: nothing to restart).</summary>
public sealed record RolloutOutcome(int Instance, string Reason);
