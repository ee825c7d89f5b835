using System.Globalization;

namespace Tessera.Core.Flags;

/// <summary>
/// Durations as Mesos flags write them: a number and a unit, <c>ns us ms secs mins hrs days weeks</c>
/// (also the short forms <c>s m h d w</c>), e.g. <c>1secs</c>, <c>500ms</c>, <c>10mins</c>, <c>2weeks</c>.
/// </summary>
public static class DurationText
{
    private static readonly (string Unit, double Seconds)[] Units =
    [
        ("ns", 1e-9), ("us", 1e-6), ("ms", 1e-3),
        ("secs", 1), ("sec", 1), ("s", 1),
        ("mins", 60), ("min", 60), ("m", 60),
        ("hrs", 3600), ("hr", 3600), ("h", 3600),
        ("days", 86400), ("day", 86400), ("d", 86400),
        ("weeks", 604800), ("week", 604800), ("w", 604800),
    ];

    public static bool TryParse(string text, out TimeSpan duration, out string? error)
    {
        duration = default;
        error = null;
        var t = text.Trim();
        var split = 0;
        while (split < t.Length && (char.IsDigit(t[split]) || t[split] == '.')) split++;
        if (split == 0)
        {
            error = $"'{text}' is not a duration: expected a number and a unit such as 5secs, 500ms or 10mins";
            return false;
        }
        if (!double.TryParse(t[..split], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            error = $"'{text}' is not a duration: '{t[..split]}' is not a number";
            return false;
        }
        var unit = t[split..].Trim();
        foreach (var (name, seconds) in Units)
        {
            if (unit != name) continue;
            var total = number * seconds;
            if (total > TimeSpan.MaxValue.TotalSeconds / 2)
            {
                error = $"'{text}' is too long a duration";
                return false;
            }
            duration = TimeSpan.FromSeconds(total);
            return true;
        }
        error = $"'{text}' is not a duration: unknown unit '{unit}' (use ns, us, ms, secs, mins, hrs, days or weeks)";
        return false;
    }

    /// <summary>Mesos' own style: the largest unit that keeps the number whole (<c>15secs</c>, <c>10mins</c>).</summary>
    public static string Format(TimeSpan duration)
    {
        var s = duration.TotalSeconds;
        if (s == 0) return "0secs";
        foreach (var (unit, seconds) in new[] { ("weeks", 604800.0), ("days", 86400.0), ("hrs", 3600.0), ("mins", 60.0), ("secs", 1.0), ("ms", 1e-3) })
            if (s >= seconds && Math.Abs(s / seconds - Math.Round(s / seconds)) < 1e-9)
                return Math.Round(s / seconds).ToString(CultureInfo.InvariantCulture) + unit;
        return (s * 1000).ToString("0.###", CultureInfo.InvariantCulture) + "ms";
    }
}
