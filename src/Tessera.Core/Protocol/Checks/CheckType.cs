using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>HealthCheck.Type</c> and <c>CheckInfo.Type</c> (same names and numbers).</summary>
[JsonConverter(typeof(ProtoEnumConverter<CheckType>))]
public enum CheckType
{
    /// <summary>Unrecognised.</summary>
    UNKNOWN = 0,

    /// <summary>Run a command; exit code 0 is healthy.</summary>
    COMMAND = 1,

    /// <summary>An HTTP GET.</summary>
    HTTP = 2,

    /// <summary>A TCP connect.</summary>
    TCP = 3,
}
