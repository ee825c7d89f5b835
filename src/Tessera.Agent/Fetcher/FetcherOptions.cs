namespace Tessera.Agent.Fetcher;

/// <summary>Limits of the fetcher: how long one download may take and how big a file or an extracted archive may get.</summary>
internal sealed record FetcherOptions
{
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Largest file one URI may download.</summary>
    public long MaxDownloadBytes { get; init; } = 4L << 30;

    /// <summary>Largest total an archive may extract to (archive bombs).</summary>
    public long MaxExtractedBytes { get; init; } = 16L << 30;
}
