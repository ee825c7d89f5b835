using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>FrameworkInfo.Capability.Type</c>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<FrameworkCapabilityType>))]
public enum FrameworkCapabilityType
{
    /// <summary>Unrecognised.</summary>
    UNKNOWN = 0,

    /// <summary>Accepts revocable resources.</summary>
    REVOCABLE_RESOURCES = 1,

    /// <summary>Understands TASK_KILLING.</summary>
    TASK_KILLING_STATE = 2,

    /// <summary>Accepts agents with GPUs.</summary>
    GPU_RESOURCES = 3,

    /// <summary>Accepts shared resources.</summary>
    SHARED_RESOURCES = 4,

    /// <summary>Understands TASK_UNREACHABLE, TASK_DROPPED, TASK_GONE and friends.</summary>
    PARTITION_AWARE = 5,

    /// <summary>Subscribes with several roles.</summary>
    MULTI_ROLE = 6,

    /// <summary>Understands reservation stacks.</summary>
    RESERVATION_REFINEMENT = 7,

    /// <summary>Accepts agents in other regions.</summary>
    REGION_AWARE = 8,
}
