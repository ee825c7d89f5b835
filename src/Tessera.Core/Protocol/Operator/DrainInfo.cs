namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>DrainInfo</c>.</summary>
public sealed record DrainInfo
{
    /// <summary>The state.</summary>
    public required DrainState State { get; init; }

    /// <summary>The request.</summary>
    public required DrainConfig Config { get; init; }
}
