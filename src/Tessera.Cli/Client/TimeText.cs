using System.Globalization;
using Tessera.Core.Protocol;

namespace Tessera.Cli.Client;

/// <summary>Times as the CLI prints them (pure): UTC, second precision, ISO-like.</summary>
internal static class TimeText
{
    public static string Of(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Of(TimeInfo? time) => time is null ? "-" : Of(time.ToDateTimeOffset());

    /// <summary>A duration as "42s", "3m05s" or "2h07m" (whole seconds, never negative).</summary>
    public static string Span(TimeSpan span)
    {
        var s = Math.Max(0, (long)span.TotalSeconds);
        return s < 60 ? string.Create(CultureInfo.InvariantCulture, $"{s}s")
            : s < 3600 ? string.Create(CultureInfo.InvariantCulture, $"{s / 60}m{s % 60:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{s / 3600}h{s / 60 % 60:00}m");
    }

    /// <summary>A status timestamp (seconds since the epoch, fractional).</summary>
    public static string OfSeconds(double? seconds) =>
        seconds is { } s ? Of(DateTimeOffset.UnixEpoch.AddTicks((long)(s * TimeSpan.TicksPerSecond))) : "-";
}
