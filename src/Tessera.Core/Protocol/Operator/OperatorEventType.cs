using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Event.Type</c>; an unrecognised name reads as <see cref="UNKNOWN"/>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<OperatorEventType>))]
public enum OperatorEventType
{
    /// <summary>Unrecognised.</summary>
    UNKNOWN = 0,

    /// <summary>The full state at subscription.</summary>
    SUBSCRIBED = 1,

    /// <summary>A task was added.</summary>
    TASK_ADDED = 2,

    /// <summary>A task's state changed.</summary>
    TASK_UPDATED = 3,

    /// <summary>An agent was added.</summary>
    AGENT_ADDED = 4,

    /// <summary>An agent was removed.</summary>
    AGENT_REMOVED = 5,

    /// <summary>A framework was added.</summary>
    FRAMEWORK_ADDED = 6,

    /// <summary>A framework changed.</summary>
    FRAMEWORK_UPDATED = 7,

    /// <summary>A framework was removed.</summary>
    FRAMEWORK_REMOVED = 8,

    /// <summary>Keep-alive.</summary>
    HEARTBEAT = 9,
}
