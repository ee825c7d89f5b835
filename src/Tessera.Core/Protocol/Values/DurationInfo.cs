namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>DurationInfo</c>: a duration in nanoseconds.</summary>
public sealed record DurationInfo
{
    /// <summary>The duration in nanoseconds.</summary>
    public required long Nanoseconds { get; init; }

    /// <summary>Converts a <see cref="TimeSpan"/>.</summary>
    public static DurationInfo From(TimeSpan span) => new() { Nanoseconds = span.Ticks * 100 };

    /// <summary>The duration as a <see cref="TimeSpan"/> (100 ns resolution).</summary>
    public TimeSpan ToTimeSpan() => TimeSpan.FromTicks(Nanoseconds / 100);
}
