using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>DiscoveryInfo.Visibility</c>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<DiscoveryVisibility>))]
public enum DiscoveryVisibility
{
    /// <summary>Visible to the framework only.</summary>
    FRAMEWORK = 0,

    /// <summary>Visible inside the cluster.</summary>
    CLUSTER = 1,

    /// <summary>Visible outside the cluster.</summary>
    EXTERNAL = 2,
}
