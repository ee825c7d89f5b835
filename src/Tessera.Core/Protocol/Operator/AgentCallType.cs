using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol.Operator;

/// <summary>
/// Mesos <c>agent.Call.Type</c> (also the response type), the agent's v1 Operator API; an
/// unrecognised name reads as <see cref="UNKNOWN"/>.
/// </summary>
[JsonConverter(typeof(ProtoEnumConverter<AgentCallType>))]
public enum AgentCallType
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

    /// <summary>Tasks, executors and frameworks together.</summary>
    GET_STATE = 9,

    /// <summary>Containers with their resource statistics.</summary>
    GET_CONTAINERS = 10,

    /// <summary>Frameworks.</summary>
    GET_FRAMEWORKS = 11,

    /// <summary>Executors.</summary>
    GET_EXECUTORS = 12,

    /// <summary>Tasks.</summary>
    GET_TASKS = 13,

    /// <summary>Launch a nested container.</summary>
    LAUNCH_NESTED_CONTAINER = 14,

    /// <summary>Wait for a nested container.</summary>
    WAIT_NESTED_CONTAINER = 15,

    /// <summary>Kill a nested container.</summary>
    KILL_NESTED_CONTAINER = 16,

    /// <summary>Launch a nested container session.</summary>
    LAUNCH_NESTED_CONTAINER_SESSION = 17,

    /// <summary>Attach to a container's input.</summary>
    ATTACH_CONTAINER_INPUT = 18,

    /// <summary>Attach to a container's output.</summary>
    ATTACH_CONTAINER_OUTPUT = 19,

    /// <summary>The agent's own info.</summary>
    GET_AGENT = 20,

    /// <summary>Remove a nested container.</summary>
    REMOVE_NESTED_CONTAINER = 21,

    /// <summary>Launch a standalone container.</summary>
    LAUNCH_CONTAINER = 22,

    /// <summary>Wait for a container.</summary>
    WAIT_CONTAINER = 23,

    /// <summary>Kill a container.</summary>
    KILL_CONTAINER = 24,

    /// <summary>Remove a container.</summary>
    REMOVE_CONTAINER = 25,

    /// <summary>Resource providers.</summary>
    GET_RESOURCE_PROVIDERS = 26,

    /// <summary>Add a resource provider config.</summary>
    ADD_RESOURCE_PROVIDER_CONFIG = 27,

    /// <summary>Update a resource provider config.</summary>
    UPDATE_RESOURCE_PROVIDER_CONFIG = 28,

    /// <summary>Remove a resource provider config.</summary>
    REMOVE_RESOURCE_PROVIDER_CONFIG = 29,

    /// <summary>Prune container images.</summary>
    PRUNE_IMAGES = 30,

    /// <summary>Mark a resource provider gone.</summary>
    MARK_RESOURCE_PROVIDER_GONE = 32,

    /// <summary>Offer operations.</summary>
    GET_OPERATIONS = 31,
}
