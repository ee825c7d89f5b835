namespace Tessera.Cli.Client;

/// <summary>
/// <c>--master</c>: host:port or http(s)://host:port; the default comes from <c>TESSERA_MASTER</c>,
/// else 127.0.0.1:5050.
/// </summary>
internal static class MasterAddress
{
    public const string Fallback = "127.0.0.1:5050";

    public static string Default => Environment.GetEnvironmentVariable("TESSERA_MASTER") is { Length: > 0 } env ? env : Fallback;

    /// <summary>The base URI, or a usage error naming the flag.</summary>
    public static Uri Parse(string text)
    {
        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
            throw new CliException($"--master must be host:port or http://host:port, not '{text}'", TesseraCommand.ExitUsage);
        return uri;
    }
}
