using Cronos;

namespace Tessera.Jobs.Cron;

/// <summary>
/// A cron schedule as Aurora takes it (<c>cron_schedule</c>): five fields — minute, hour, day of
/// month, month, day of week — with singletons, <c>*</c>, ranges (names allowed) and steps; no
/// <c>@</c> macros and none of Quartz's <c>L W # ?</c>. Parsed and stepped by Cronos, in a time
/// zone, so a DST change never runs a time twice: a time the spring change skips runs once when the
/// clock jumps, a time the autumn change repeats runs once (a schedule like <c>*/5</c> keeps its
/// interval through the repeated hour).
/// </summary>
public sealed class CronSchedule
{
    private readonly CronExpression _expression;

    private CronSchedule(string text, CronExpression expression)
    {
        Text = text;
        _expression = expression;
    }

    /// <summary>The schedule as written.</summary>
    public string Text { get; }

    /// <summary>The schedule, or why not (one sentence naming the rule).</summary>
    public static bool TryParse(string? text, out CronSchedule? schedule, out string? error)
    {
        schedule = null;
        var trimmed = text?.Trim() ?? "";
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        error = trimmed.StartsWith('@') ? $"'{trimmed}': @ macros are not supported; write the 5 fields"
            : fields.Length != 5 ? $"'{trimmed}' must have 5 fields (minute hour day-of-month month day-of-week), not {fields.Length}"
            : trimmed.IndexOfAny(['L', 'W', '#', '?']) is var at and >= 0 && !IsInName(trimmed, at)
                ? $"'{trimmed}': '{trimmed[at]}' is not crontab syntax (Aurora takes singletons, *, ranges and steps)"
            : null;
        if (error is not null) return false;
        if (!CronExpression.TryParse(string.Join(' ', fields), CronFormat.Standard, out var expression))
        {
            error = $"'{trimmed}' is not a valid schedule (each field: *, a number or name, a range a-b, a step /n, lists a,b)";
            return false;
        }
        schedule = new CronSchedule(string.Join(' ', fields), expression);
        return true;
    }

    /// <summary>The first run time after <paramref name="after"/> (exclusive), or null when none comes.</summary>
    public DateTimeOffset? Next(DateTimeOffset after, TimeZoneInfo zone) =>
        _expression.GetNextOccurrence(after, zone);

    /// <summary>
    /// The run times in (<paramref name="after"/>, <paramref name="until"/>]: how many, and the
    /// latest (null when none). Counts every one, so a long outage is counted right (a year of
    /// minutes is half a million steps, once).
    /// </summary>
    public (int Count, DateTimeOffset? Latest) Due(DateTimeOffset after, DateTimeOffset until, TimeZoneInfo zone)
    {
        var count = 0;
        DateTimeOffset? latest = null;
        foreach (var at in _expression.GetOccurrences(after, until, zone, fromInclusive: false, toInclusive: true))
        {
            count++;
            latest = at;
        }
        return (count, latest);
    }

    /// <summary>The next <paramref name="count"/> run times after <paramref name="after"/>.</summary>
    public IReadOnlyList<DateTimeOffset> NextRuns(DateTimeOffset after, TimeZoneInfo zone, int count)
    {
        var runs = new List<DateTimeOffset>();
        for (var at = Next(after, zone); at is { } next && runs.Count < count; at = Next(next, zone))
            runs.Add(next);
        return runs;
    }

    /// <summary>Letters of a month or day name (JAN, WED) are not Quartz syntax.</summary>
    private static bool IsInName(string text, int at) =>
        (at > 0 && char.IsLetter(text[at - 1])) || (at + 1 < text.Length && char.IsLetter(text[at + 1]));
}
