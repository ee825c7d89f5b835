namespace Tessera.Agent.Tests;

/// <summary>A clock that only moves when told (timers are not needed by the pure policy tests).</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
