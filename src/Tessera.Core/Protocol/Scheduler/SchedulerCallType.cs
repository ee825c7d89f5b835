using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call.Type</c>; an unrecognised name reads as <see cref="UNKNOWN"/>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<SchedulerCallType>))]
public enum SchedulerCallType
{
    /// <summary>Unrecognised.</summary>
    UNKNOWN = 0,

    /// <summary>Subscribe (opens the event stream).</summary>
    SUBSCRIBE = 1,

    /// <summary>Tear the framework down.</summary>
    TEARDOWN = 2,

    /// <summary>Accept offers.</summary>
    ACCEPT = 3,

    /// <summary>Decline offers.</summary>
    DECLINE = 4,

    /// <summary>Accept inverse offers.</summary>
    ACCEPT_INVERSE_OFFERS = 13,

    /// <summary>Decline inverse offers.</summary>
    DECLINE_INVERSE_OFFERS = 14,

    /// <summary>Remove filters and unsuppress.</summary>
    REVIVE = 5,

    /// <summary>Kill a task.</summary>
    KILL = 6,

    /// <summary>Shut an executor down.</summary>
    SHUTDOWN = 7,

    /// <summary>Acknowledge a task status update.</summary>
    ACKNOWLEDGE = 8,

    /// <summary>Acknowledge an operation status update.</summary>
    ACKNOWLEDGE_OPERATION_STATUS = 15,

    /// <summary>Reconcile tasks.</summary>
    RECONCILE = 9,

    /// <summary>Reconcile operations.</summary>
    RECONCILE_OPERATIONS = 16,

    /// <summary>Send a message to an executor.</summary>
    MESSAGE = 10,

    /// <summary>Request resources.</summary>
    REQUEST = 11,

    /// <summary>Stop offers for roles.</summary>
    SUPPRESS = 12,

    /// <summary>Update the FrameworkInfo.</summary>
    UPDATE_FRAMEWORK = 17,
}
