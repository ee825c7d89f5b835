using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>DrainState</c>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<DrainState>))]
public enum DrainState
{
    /// <summary>Unrecognised.</summary>
    UNKNOWN = 0,

    /// <summary>Tasks are being killed.</summary>
    DRAINING = 1,

    /// <summary>No tasks are left.</summary>
    DRAINED = 2,
}
