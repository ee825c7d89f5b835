namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>CommandInfo</c>: a command with its fetched URIs and environment.</summary>
public sealed record CommandInfo
{
    /// <summary>Files to fetch into the sandbox.</summary>
    public IReadOnlyList<CommandUri>? Uris { get; init; }

    /// <summary>Environment variables.</summary>
    public CommandEnvironment? Environment { get; init; }

    /// <summary>Run <see cref="Value"/> through <c>/bin/sh -c</c> (default true).</summary>
    public bool? Shell { get; init; }

    /// <summary>The shell command, or the executable when <see cref="Shell"/> is false.</summary>
    public string? Value { get; init; }

    /// <summary>argv when <see cref="Shell"/> is false.</summary>
    public IReadOnlyList<string>? Arguments { get; init; }

    /// <summary>The user to run as.</summary>
    public string? User { get; init; }
}
