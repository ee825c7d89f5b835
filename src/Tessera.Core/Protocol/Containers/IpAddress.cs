using System.Text.Json.Serialization;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>NetworkInfo.IPAddress</c>.</summary>
public sealed record IpAddress
{
    /// <summary>IPv4 or IPv6.</summary>
    public NetworkProtocol? Protocol { get; init; }

    /// <summary>The address.</summary>
    [JsonPropertyName("ip_address")]
    public string? IpAddressValue { get; init; }
}
