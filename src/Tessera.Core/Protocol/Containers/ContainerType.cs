using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>ContainerInfo.Type</c>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<ContainerType>))]
public enum ContainerType
{
    /// <summary>The Docker containerizer.</summary>
    DOCKER = 1,

    /// <summary>The Mesos (unified) containerizer.</summary>
    MESOS = 2,
}
