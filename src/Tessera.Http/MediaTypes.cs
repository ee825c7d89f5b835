using Microsoft.Extensions.Primitives;

namespace Tessera.Http;

/// <summary>
/// Content-Type and Accept as our JSON APIs read them. Content-Type must be exactly
/// <c>application/json</c> (Mesos compares the whole string); the only parameter we allow beside it
/// is <c>charset=utf-8</c>, which .NET and Java clients add. Accept: absent, <c>*/*</c>,
/// <c>application/*</c> or the type itself allow it unless that entry's <c>q</c> is 0 (as in Mesos,
/// any entry that allows JSON is enough; we don't weigh a specific <c>q=0</c> against a wildcard).
/// </summary>
public static class MediaTypes
{
    public const string Json = "application/json";

    public const string Protobuf = "application/x-protobuf";

    /// <summary>Mesos' event streams (SUBSCRIBE, nested container output).</summary>
    public const string RecordIo = "application/recordio";

    /// <summary>
    /// Why <paramref name="contentType"/> is not JSON as we take it, with the status to answer; null when it is.
    /// </summary>
    public static (int Status, string Problem)? CheckJsonContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
            return (400, $"Content-Type: required; send {Json}");
        var parts = contentType.Split(';');
        var type = parts[0].Trim();
        if (type.Equals(Protobuf, StringComparison.OrdinalIgnoreCase))
            return (415, $"Content-Type: {Protobuf} is not supported yet; send {Json}");
        if (!type.Equals(Json, StringComparison.OrdinalIgnoreCase))
            return (415, $"Content-Type: '{Shown(contentType)}' is not supported; send {Json}");
        foreach (var parameter in parts.Skip(1))
        {
            var p = parameter.Trim().Replace(" ", "", StringComparison.Ordinal);
            if (!p.Equals("charset=utf-8", StringComparison.OrdinalIgnoreCase)
                && !p.Equals("charset=\"utf-8\"", StringComparison.OrdinalIgnoreCase))
                return (415, $"Content-Type: the parameter '{Shown(parameter.Trim())}' is not supported; " +
                    $"JSON is UTF-8 ({Json} or {Json}; charset=utf-8)");
        }
        return null;
    }

    /// <summary>True when the Accept header lets us answer <paramref name="mediaType"/>.</summary>
    public static bool Accepts(StringValues accept, string mediaType = Json)
    {
        if (accept.Count == 0) return true;
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        var family = mediaType[..(slash + 1)] + "*";
        foreach (var value in accept)
            foreach (var part in (value ?? "").Split(','))
            {
                var pieces = part.Split(';');
                var type = pieces[0].Trim();
                if (ZeroQuality(pieces)) continue;
                if (type.Length == 0 || type == "*/*" || type.Equals(family, StringComparison.OrdinalIgnoreCase)
                    || type.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
                    return true;
            }
        return false;
    }

    private static bool ZeroQuality(string[] pieces) =>
        pieces.Skip(1).Select(p => p.Trim().Replace(" ", "", StringComparison.Ordinal))
            .Any(p => p.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                && double.TryParse(p[2..], System.Globalization.CultureInfo.InvariantCulture, out var q) && q == 0);

    /// <summary>A header value as an error may show it: printable ASCII, at most 100 characters.</summary>
    internal static string Shown(string value)
    {
        var cut = value.Length > 100 ? value[..100] + "..." : value;
        return new string([.. cut.Select(c => c is >= ' ' and <= '~' ? c : '?')]);
    }
}
