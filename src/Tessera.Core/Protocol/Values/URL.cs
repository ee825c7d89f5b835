namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>URL</c>.</summary>
public sealed record URL
{
    /// <summary>The scheme, such as <c>http</c>.</summary>
    public required string Scheme { get; init; }

    /// <summary>The host and port.</summary>
    public required Address Address { get; init; }

    /// <summary>The path.</summary>
    public string? Path { get; init; }

    /// <summary>The query parameters.</summary>
    public IReadOnlyList<Parameter>? Query { get; init; }

    /// <summary>The fragment.</summary>
    public string? Fragment { get; init; }
}
