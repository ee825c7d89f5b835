using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call.Type</c> (also the response type); an unrecognised name reads as <see cref="UNKNOWN"/>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<OperatorCallType>))]
public enum OperatorCallType
{
    /// <summary>Unrecognised.</summary>
    UNKNOWN = 0,

    /// <summary>Health.</summary>
    GET_HEALTH = 1,

    /// <summary>Flags.</summary>
    GET_FLAGS = 2,

    /// <summary>Version.</summary>
    GET_VERSION = 3,

    /// <summary>Metrics snapshot.</summary>
    GET_METRICS = 4,

    /// <summary>Logging level.</summary>
    GET_LOGGING_LEVEL = 5,

    /// <summary>Set the logging level.</summary>
    SET_LOGGING_LEVEL = 6,

    /// <summary>List sandbox files.</summary>
    LIST_FILES = 7,

    /// <summary>Read a file.</summary>
    READ_FILE = 8,

    /// <summary>Full state.</summary>
    GET_STATE = 9,

    /// <summary>Agents.</summary>
    GET_AGENTS = 10,

    /// <summary>Frameworks.</summary>
    GET_FRAMEWORKS = 11,

    /// <summary>Executors.</summary>
    GET_EXECUTORS = 12,

    /// <summary>Offer operations.</summary>
    GET_OPERATIONS = 33,

    /// <summary>Tasks.</summary>
    GET_TASKS = 13,

    /// <summary>Roles.</summary>
    GET_ROLES = 14,

    /// <summary>Weights.</summary>
    GET_WEIGHTS = 15,

    /// <summary>Set weights.</summary>
    UPDATE_WEIGHTS = 16,

    /// <summary>The master.</summary>
    GET_MASTER = 17,

    /// <summary>Event stream.</summary>
    SUBSCRIBE = 18,

    /// <summary>Reserve resources on an agent.</summary>
    RESERVE_RESOURCES = 19,

    /// <summary>Unreserve resources.</summary>
    UNRESERVE_RESOURCES = 20,

    /// <summary>Create volumes.</summary>
    CREATE_VOLUMES = 21,

    /// <summary>Destroy volumes.</summary>
    DESTROY_VOLUMES = 22,

    /// <summary>Grow a volume.</summary>
    GROW_VOLUME = 34,

    /// <summary>Shrink a volume.</summary>
    SHRINK_VOLUME = 35,

    /// <summary>Maintenance status.</summary>
    GET_MAINTENANCE_STATUS = 23,

    /// <summary>Maintenance schedule.</summary>
    GET_MAINTENANCE_SCHEDULE = 24,

    /// <summary>Set the maintenance schedule.</summary>
    UPDATE_MAINTENANCE_SCHEDULE = 25,

    /// <summary>Take machines down.</summary>
    START_MAINTENANCE = 26,

    /// <summary>Bring machines up.</summary>
    STOP_MAINTENANCE = 27,

    /// <summary>Drain an agent.</summary>
    DRAIN_AGENT = 37,

    /// <summary>Stop offering an agent.</summary>
    DEACTIVATE_AGENT = 38,

    /// <summary>Resume offering an agent.</summary>
    REACTIVATE_AGENT = 39,

    /// <summary>Quota.</summary>
    GET_QUOTA = 28,

    /// <summary>Set quota.</summary>
    UPDATE_QUOTA = 36,

    /// <summary>Set quota (deprecated).</summary>
    SET_QUOTA = 29,

    /// <summary>Remove quota (deprecated).</summary>
    REMOVE_QUOTA = 30,

    /// <summary>Tear a framework down.</summary>
    TEARDOWN = 31,

    /// <summary>Mark an agent gone.</summary>
    MARK_AGENT_GONE = 32,
}
