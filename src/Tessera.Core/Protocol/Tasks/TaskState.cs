using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>TaskState</c>. See <see cref="TaskStates"/> for the terminal set and transitions.</summary>
[JsonConverter(typeof(ProtoEnumConverter<TaskState>))]
public enum TaskState
{
    /// <summary>Initial state; the master has the task, the agent has not started it.</summary>
    TASK_STAGING = 6,

    /// <summary>The executor is launching the task.</summary>
    TASK_STARTING = 0,

    /// <summary>The task is running.</summary>
    TASK_RUNNING = 1,

    /// <summary>The executor is killing the task (needs TASK_KILLING_STATE).</summary>
    TASK_KILLING = 8,

    /// <summary>Terminal: finished successfully.</summary>
    TASK_FINISHED = 2,

    /// <summary>Terminal: failed.</summary>
    TASK_FAILED = 3,

    /// <summary>Terminal: killed.</summary>
    TASK_KILLED = 4,

    /// <summary>Terminal: the task description is invalid.</summary>
    TASK_ERROR = 7,

    /// <summary>Terminal in Mesos' bookkeeping, though a reregistering agent may bring the task back.</summary>
    TASK_LOST = 5,

    /// <summary>Terminal: failed to launch for a transient reason (PARTITION_AWARE).</summary>
    TASK_DROPPED = 9,

    /// <summary>The agent is partitioned; the task may still run (PARTITION_AWARE).</summary>
    TASK_UNREACHABLE = 10,

    /// <summary>Terminal: the agent is gone for good (PARTITION_AWARE).</summary>
    TASK_GONE = 11,

    /// <summary>Terminal: an operator marked the agent gone (PARTITION_AWARE).</summary>
    TASK_GONE_BY_OPERATOR = 12,

    /// <summary>The master does not know the task (PARTITION_AWARE).</summary>
    TASK_UNKNOWN = 13,
}
