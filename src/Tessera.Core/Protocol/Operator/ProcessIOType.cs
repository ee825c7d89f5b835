using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>agent.ProcessIO.Type</c>; an unrecognised name reads as <see cref="UNKNOWN"/>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<ProcessIOType>))]
public enum ProcessIOType
{
    /// <summary>Unrecognised.</summary>
    UNKNOWN = 0,

    /// <summary>Data of one of the process' streams.</summary>
    DATA = 1,

    /// <summary>A control message.</summary>
    CONTROL = 2,
}
