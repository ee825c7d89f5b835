using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>MasterInfo.Capability.Type</c>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<MasterCapabilityType>))]
public enum MasterCapabilityType
{
    /// <summary>Unrecognised.</summary>
    UNKNOWN = 0,

    /// <summary>Accepts agent resource updates.</summary>
    AGENT_UPDATE = 1,

    /// <summary>Supports agent draining.</summary>
    AGENT_DRAINING = 2,

    /// <summary>Supports quota limits.</summary>
    QUOTA_V2 = 3,
}
