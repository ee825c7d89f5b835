namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>MachineID</c>: a machine by hostname and/or IP.</summary>
public sealed record MachineID
{
    /// <summary>The hostname.</summary>
    public string? Hostname { get; init; }

    /// <summary>The IP.</summary>
    public string? Ip { get; init; }
}
