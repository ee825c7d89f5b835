using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Event.Type</c>; an unrecognised name reads as <see cref="UNKNOWN"/>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<SchedulerEventType>))]
public enum SchedulerEventType
{
    /// <summary>Unrecognised.</summary>
    UNKNOWN = 0,

    /// <summary>The subscription succeeded.</summary>
    SUBSCRIBED = 1,

    /// <summary>New offers.</summary>
    OFFERS = 2,

    /// <summary>New inverse offers.</summary>
    INVERSE_OFFERS = 9,

    /// <summary>An offer is withdrawn.</summary>
    RESCIND = 3,

    /// <summary>An inverse offer is withdrawn.</summary>
    RESCIND_INVERSE_OFFER = 10,

    /// <summary>A task status update.</summary>
    UPDATE = 4,

    /// <summary>An operation status update.</summary>
    UPDATE_OPERATION_STATUS = 11,

    /// <summary>A message from an executor.</summary>
    MESSAGE = 5,

    /// <summary>An agent or executor failed.</summary>
    FAILURE = 6,

    /// <summary>The framework is being torn down because of an error.</summary>
    ERROR = 7,

    /// <summary>Keep-alive.</summary>
    HEARTBEAT = 8,
}
