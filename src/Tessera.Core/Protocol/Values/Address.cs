namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Address</c>: a hostname and/or IP with a port.</summary>
public sealed record Address
{
    /// <summary>The hostname.</summary>
    public string? Hostname { get; init; }

    /// <summary>The IP as text.</summary>
    public string? Ip { get; init; }

    /// <summary>The port.</summary>
    public required int Port { get; init; }
}
