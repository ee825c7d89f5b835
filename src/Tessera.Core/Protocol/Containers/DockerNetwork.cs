using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>ContainerInfo.DockerInfo.Network</c>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<DockerNetwork>))]
public enum DockerNetwork
{
    /// <summary>The host network.</summary>
    HOST = 1,

    /// <summary>A bridge network.</summary>
    BRIDGE = 2,

    /// <summary>No network.</summary>
    NONE = 3,

    /// <summary>A user-defined network.</summary>
    USER = 4,
}
