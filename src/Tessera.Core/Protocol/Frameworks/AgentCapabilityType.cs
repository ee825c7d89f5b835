using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>AgentInfo.Capability.Type</c>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<AgentCapabilityType>))]
public enum AgentCapabilityType
{
    /// <summary>Unrecognised.</summary>
    UNKNOWN = 0,

    /// <summary>Supports multi-role frameworks.</summary>
    MULTI_ROLE = 1,

    /// <summary>Supports hierarchical roles.</summary>
    HIERARCHICAL_ROLE = 2,

    /// <summary>Supports reservation stacks.</summary>
    RESERVATION_REFINEMENT = 3,

    /// <summary>Hosts resource providers.</summary>
    RESOURCE_PROVIDER = 4,

    /// <summary>Can grow and shrink volumes.</summary>
    RESIZE_VOLUME = 5,

    /// <summary>Reports operation status.</summary>
    AGENT_OPERATION_FEEDBACK = 6,

    /// <summary>Can be drained.</summary>
    AGENT_DRAINING = 7,

    /// <summary>Honours task resource limits.</summary>
    TASK_RESOURCE_LIMITS = 8,
}
