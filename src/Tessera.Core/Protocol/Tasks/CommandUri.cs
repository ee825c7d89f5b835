namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>CommandInfo.URI</c>: a file the fetcher downloads into the sandbox.</summary>
public sealed record CommandUri
{
    /// <summary>The URI.</summary>
    public required string Value { get; init; }

    /// <summary>Make the file executable.</summary>
    public bool? Executable { get; init; }

    /// <summary>Extract archives (default true).</summary>
    public bool? Extract { get; init; }

    /// <summary>Use the fetcher cache.</summary>
    public bool? Cache { get; init; }

    /// <summary>Save under this name.</summary>
    public string? OutputFile { get; init; }
}
