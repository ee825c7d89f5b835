using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol.Executor;

/// <summary>Mesos <c>executor.Event.Type</c>; an unrecognised name reads as <see cref="UNKNOWN"/>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<ExecutorEventType>))]
public enum ExecutorEventType
{
    /// <summary>Unrecognised.</summary>
    UNKNOWN = 0,

    /// <summary>The subscription succeeded.</summary>
    SUBSCRIBED = 1,

    /// <summary>Launch a task.</summary>
    LAUNCH = 2,

    /// <summary>Launch a task group.</summary>
    LAUNCH_GROUP = 8,

    /// <summary>Kill a task.</summary>
    KILL = 3,

    /// <summary>The scheduler acknowledged an update.</summary>
    ACKNOWLEDGED = 4,

    /// <summary>A message from the scheduler.</summary>
    MESSAGE = 5,

    /// <summary>An error.</summary>
    ERROR = 6,

    /// <summary>Shut down.</summary>
    SHUTDOWN = 7,

    /// <summary>Keep-alive.</summary>
    HEARTBEAT = 9,
}
