namespace Tessera.Agent.Http;

/// <summary>Whether an <c>Accept</c> header lets the agent answer JSON (absent, <c>*/*</c>, <c>application/*</c> or <c>application/json</c>).</summary>
internal static class AcceptHeader
{
    public static bool AllowsJson(Microsoft.Extensions.Primitives.StringValues accept) => Allows(accept, "application/json");

    /// <summary>True when the header is absent or names <paramref name="mediaType"/>, <c>application/*</c> or <c>*/*</c>.</summary>
    public static bool Allows(Microsoft.Extensions.Primitives.StringValues accept, string mediaType)
    {
        if (accept.Count == 0) return true;
        foreach (var value in accept)
            foreach (var part in (value ?? "").Split(','))
            {
                var type = part.Split(';')[0].Trim();
                if (type.Length == 0 || type is "*/*" or "application/*" || type.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
                    return true;
            }
        return false;
    }
}
