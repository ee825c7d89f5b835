namespace Tessera.Agent.Fetcher;

/// <summary>Where a URI's bytes come from: a local file, an HTTP(S) URL, or why neither.</summary>
internal sealed record FetchSource(string? LocalPath, Uri? Url, string? FileName, string? Error)
{
    public static FetchSource Parse(string value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Invalid("the URI is empty");
        if (value.StartsWith('/')) return new FetchSource(value, null, Path.GetFileName(value), null);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
            return Invalid("relative paths are not supported (Mesos resolves them against --frameworks_home, which this agent doesn't have); use an absolute path or a URL");
        var name = Uri.UnescapeDataString(Path.GetFileName(uri.AbsolutePath));
        return uri.Scheme switch
        {
            "file" when uri.IsLoopback || uri.Host.Length == 0 => new FetchSource(uri.LocalPath, null, name, null),
            "file" => Invalid($"file URIs on another host ('{uri.Host}') are not supported"),
            "http" or "https" => new FetchSource(null, uri, name, null),
            _ => Invalid($"the scheme '{uri.Scheme}' is not supported (absolute paths, file://, http:// and https:// are)"),
        };
    }

    private static FetchSource Invalid(string error) => new(null, null, null, error);
}
