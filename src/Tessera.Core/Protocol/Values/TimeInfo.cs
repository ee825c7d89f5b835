namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>TimeInfo</c>: nanoseconds since the Unix epoch.</summary>
public sealed record TimeInfo
{
    /// <summary>Nanoseconds since 1970-01-01T00:00:00Z.</summary>
    public required long Nanoseconds { get; init; }

    /// <summary>Converts a <see cref="DateTimeOffset"/>.</summary>
    public static TimeInfo From(DateTimeOffset time) =>
        new() { Nanoseconds = (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100 };

    /// <summary>The instant (100 ns resolution).</summary>
    public DateTimeOffset ToDateTimeOffset() => DateTimeOffset.UnixEpoch.AddTicks(Nanoseconds / 100);
}
