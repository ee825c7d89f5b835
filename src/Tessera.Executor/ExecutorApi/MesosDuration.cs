using System.Globalization;

namespace Tessera.Executor.ExecutorApi;

/// <summary>Mesos duration strings such as <c>15mins</c>, <c>2secs</c>, <c>500ms</c>.</summary>
public static class MesosDuration
{
    private static readonly (string Unit, double Seconds)[] Units =
    [
        ("weeks", 604800), ("days", 86400), ("hrs", 3600), ("mins", 60), ("secs", 1), ("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9),
    ];

    /// <summary>The duration in <paramref name="text"/>, or <paramref name="fallback"/> when it is absent or unreadable.</summary>
    public static TimeSpan Parse(string? text, TimeSpan fallback)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        foreach (var (unit, seconds) in Units)
        {
            if (text.EndsWith(unit, StringComparison.Ordinal)
                && double.TryParse(text[..^unit.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0)
                return TimeSpan.FromSeconds(n * seconds);
        }

        return fallback;
    }
}
