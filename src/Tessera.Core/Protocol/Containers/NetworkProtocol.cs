using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>NetworkInfo.Protocol</c>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<NetworkProtocol>))]
public enum NetworkProtocol
{
    /// <summary>IPv4.</summary>
    IPv4 = 1,

    /// <summary>IPv6.</summary>
    IPv6 = 2,
}
