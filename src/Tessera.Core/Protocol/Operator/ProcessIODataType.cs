using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>agent.ProcessIO.Data.Type</c>; an unrecognised name reads as <see cref="UNKNOWN"/>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<ProcessIODataType>))]
public enum ProcessIODataType
{
    /// <summary>Unrecognised.</summary>
    UNKNOWN = 0,

    /// <summary>Input.</summary>
    STDIN = 1,

    /// <summary>Standard output.</summary>
    STDOUT = 2,

    /// <summary>Standard error.</summary>
    STDERR = 3,
}
