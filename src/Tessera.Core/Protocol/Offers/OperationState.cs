using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>OperationState</c>. See <see cref="OperationStates"/> for the terminal set.</summary>
[JsonConverter(typeof(ProtoEnumConverter<OperationState>))]
public enum OperationState
{
    /// <summary>The operation cannot report its status.</summary>
    OPERATION_UNSUPPORTED = 0,

    /// <summary>Not yet finished.</summary>
    OPERATION_PENDING = 1,

    /// <summary>Terminal: succeeded.</summary>
    OPERATION_FINISHED = 2,

    /// <summary>Terminal: failed.</summary>
    OPERATION_FAILED = 3,

    /// <summary>Terminal: the operation was invalid.</summary>
    OPERATION_ERROR = 4,

    /// <summary>Terminal: never reached the agent.</summary>
    OPERATION_DROPPED = 5,

    /// <summary>The agent is unreachable.</summary>
    OPERATION_UNREACHABLE = 6,

    /// <summary>Terminal: an operator marked the agent gone.</summary>
    OPERATION_GONE_BY_OPERATOR = 7,

    /// <summary>The agent is recovering.</summary>
    OPERATION_RECOVERING = 8,

    /// <summary>Not known to the master.</summary>
    OPERATION_UNKNOWN = 9,
}
