using System.Globalization;

namespace Tessera.Agent.Files;

/// <summary>
/// <c>offset</c> and <c>length</c> of <c>/files/read</c>, as Mesos takes them: offset absent or -1
/// asks for the size only; length absent or -1 reads to the end; both capped at 16 pages per call.
/// </summary>
internal sealed record ReadRange(long Offset, long? Length)
{
    /// <summary>Mesos reads at most 16 pages at a time.</summary>
    public const int MaxChunk = 16 * 4096;

    public bool SizeOnly => Offset == -1;

    /// <summary>The range, or an error message naming the parameter and the rule.</summary>
    public static (ReadRange? Range, string? Error) Parse(string? offset, string? length)
    {
        long parsedOffset = -1;
        if (offset is not null)
        {
            if (!long.TryParse(offset, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out parsedOffset))
                return (null, $"'offset' must be an integer, got '{offset}'");
            if (parsedOffset < -1)
                return (null, $"'offset' must be -1 (size only) or at least 0, got {parsedOffset}");
        }
        long? parsedLength = null;
        if (length is not null)
        {
            if (!long.TryParse(length, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                return (null, $"'length' must be an integer, got '{length}'");
            if (value < -1)
                return (null, $"'length' must be -1 (to the end) or at least 0, got {value}");
            if (value >= 0) parsedLength = value;
        }
        return (new ReadRange(parsedOffset, parsedLength), null);
    }

    /// <summary>How many bytes to read from a file of <paramref name="size"/> bytes.</summary>
    public int Count(long size) =>
        SizeOnly || Offset >= size ? 0 : (int)Math.Min(Math.Min(Length ?? long.MaxValue, size - Offset), MaxChunk);
}
