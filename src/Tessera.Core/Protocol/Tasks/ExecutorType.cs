using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>ExecutorInfo.Type</c>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<ExecutorType>))]
public enum ExecutorType
{
    /// <summary>Unrecognised.</summary>
    UNKNOWN = 0,

    /// <summary>The built-in default executor (task groups).</summary>
    DEFAULT = 1,

    /// <summary>A framework-supplied executor.</summary>
    CUSTOM = 2,
}
