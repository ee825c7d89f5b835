using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Volume.Mode</c>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<VolumeMode>))]
public enum VolumeMode
{
    /// <summary>Read-write.</summary>
    RW = 1,

    /// <summary>Read-only.</summary>
    RO = 2,
}
