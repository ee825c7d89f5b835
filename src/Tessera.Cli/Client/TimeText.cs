using System.Globalization;
using Tessera.Core.Protocol;

namespace Tessera.Cli.Client;

/// <summary>Times as the CLI prints them (pure): UTC, second precision, ISO-like.</summary>
internal static class TimeText
{
    public static string Of(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Of(TimeInfo? time) => time is null ? "-" : Of(time.ToDateTimeOffset());

    /// <summary>A status timestamp (seconds since the epoch, fractional).</summary>
    public static string OfSeconds(double? seconds) =>
        seconds is { } s ? Of(DateTimeOffset.UnixEpoch.AddTicks((long)(s * TimeSpan.TicksPerSecond))) : "-";
}
