namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Environment</c> (renamed to avoid <see cref="System.Environment"/>).</summary>
public sealed record CommandEnvironment
{
    /// <summary>The variables.</summary>
    public IReadOnlyList<EnvironmentVariable>? Variables { get; init; }
}
