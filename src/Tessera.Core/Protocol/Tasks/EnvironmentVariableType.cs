using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Environment.Variable.Type</c>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<EnvironmentVariableType>))]
public enum EnvironmentVariableType
{
    /// <summary>Unrecognised.</summary>
    UNKNOWN = 0,

    /// <summary>A plain value.</summary>
    VALUE = 1,

    /// <summary>A secret reference.</summary>
    SECRET = 2,
}
