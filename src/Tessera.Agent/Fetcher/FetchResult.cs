namespace Tessera.Agent.Fetcher;

/// <summary>All URIs fetched, or the first that could not be and why.</summary>
internal sealed record FetchResult(string? FailedUri, string? Error)
{
    public static FetchResult Ok { get; } = new(null, null);

    public bool Succeeded => Error is null;

    /// <summary>The message for the task's TASK_FAILED.</summary>
    public string? Message => Error is null ? null : $"Failed to fetch URI '{FailedUri}': {Error}";
}
