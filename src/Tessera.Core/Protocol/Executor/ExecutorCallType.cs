using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol.Executor;

/// <summary>Mesos <c>executor.Call.Type</c>; an unrecognised name reads as <see cref="UNKNOWN"/>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<ExecutorCallType>))]
public enum ExecutorCallType
{
    /// <summary>Unrecognised.</summary>
    UNKNOWN = 0,

    /// <summary>Subscribe (opens the event stream).</summary>
    SUBSCRIBE = 1,

    /// <summary>A task status update.</summary>
    UPDATE = 2,

    /// <summary>A message for the scheduler.</summary>
    MESSAGE = 3,

    /// <summary>Keep-alive.</summary>
    HEARTBEAT = 4,
}
