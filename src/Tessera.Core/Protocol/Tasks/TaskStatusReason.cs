using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>TaskStatus.Reason</c>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<TaskStatusReason>))]
public enum TaskStatusReason
{
    /// <summary>The command executor failed.</summary>
    REASON_COMMAND_EXECUTOR_FAILED = 0,

    /// <summary>The container could not be launched.</summary>
    REASON_CONTAINER_LAUNCH_FAILED = 21,

    /// <summary>The container hit a resource limit.</summary>
    REASON_CONTAINER_LIMITATION = 19,

    /// <summary>The container exceeded its disk.</summary>
    REASON_CONTAINER_LIMITATION_DISK = 20,

    /// <summary>The container exceeded its memory (OOM).</summary>
    REASON_CONTAINER_LIMITATION_MEMORY = 8,

    /// <summary>The container was preempted.</summary>
    REASON_CONTAINER_PREEMPTED = 17,

    /// <summary>Updating the container's resources failed.</summary>
    REASON_CONTAINER_UPDATE_FAILED = 22,

    /// <summary>The task ran past its max_completion_time.</summary>
    REASON_MAX_COMPLETION_TIME_REACHED = 33,

    /// <summary>The executor did not subscribe in time.</summary>
    REASON_EXECUTOR_REGISTRATION_TIMEOUT = 23,

    /// <summary>The executor did not resubscribe in time.</summary>
    REASON_EXECUTOR_REREGISTRATION_TIMEOUT = 24,

    /// <summary>The executor exited.</summary>
    REASON_EXECUTOR_TERMINATED = 1,

    /// <summary>The executor unregistered.</summary>
    REASON_EXECUTOR_UNREGISTERED = 2,

    /// <summary>The framework was removed.</summary>
    REASON_FRAMEWORK_REMOVED = 3,

    /// <summary>Garbage collection failed.</summary>
    REASON_GC_ERROR = 4,

    /// <summary>The framework ID is invalid.</summary>
    REASON_INVALID_FRAMEWORKID = 5,

    /// <summary>The offers used are invalid.</summary>
    REASON_INVALID_OFFERS = 6,

    /// <summary>The I/O switchboard exited.</summary>
    REASON_IO_SWITCHBOARD_EXITED = 27,

    /// <summary>The scheduler lost the master.</summary>
    REASON_MASTER_DISCONNECTED = 7,

    /// <summary>Sent in answer to reconciliation.</summary>
    REASON_RECONCILIATION = 9,

    /// <summary>The resources are unknown.</summary>
    REASON_RESOURCES_UNKNOWN = 18,

    /// <summary>The agent disconnected.</summary>
    REASON_AGENT_DISCONNECTED = 10,

    /// <summary>The agent was removed.</summary>
    REASON_AGENT_REMOVED = 11,

    /// <summary>An operator removed the agent.</summary>
    REASON_AGENT_REMOVED_BY_OPERATOR = 31,

    /// <summary>The agent reregistered.</summary>
    REASON_AGENT_REREGISTERED = 32,

    /// <summary>The agent restarted.</summary>
    REASON_AGENT_RESTARTED = 12,

    /// <summary>The agent is unknown.</summary>
    REASON_AGENT_UNKNOWN = 13,

    /// <summary>The task was killed while launching.</summary>
    REASON_TASK_KILLED_DURING_LAUNCH = 30,

    /// <summary>The task's check status changed.</summary>
    REASON_TASK_CHECK_STATUS_UPDATED = 28,

    /// <summary>The task's health changed.</summary>
    REASON_TASK_HEALTH_CHECK_STATUS_UPDATED = 29,

    /// <summary>The task group is invalid.</summary>
    REASON_TASK_GROUP_INVALID = 25,

    /// <summary>The task group is not authorised.</summary>
    REASON_TASK_GROUP_UNAUTHORIZED = 26,

    /// <summary>The task is invalid.</summary>
    REASON_TASK_INVALID = 14,

    /// <summary>The task is not authorised.</summary>
    REASON_TASK_UNAUTHORIZED = 15,

    /// <summary>The task is unknown.</summary>
    REASON_TASK_UNKNOWN = 16,

    /// <summary>The task's agent is unreachable.</summary>
    REASON_TASK_UNREACHABLE = 34,
}
