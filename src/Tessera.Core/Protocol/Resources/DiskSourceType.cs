using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Resource.DiskInfo.Source.Type</c>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<DiskSourceType>))]
public enum DiskSourceType
{
    /// <summary>Unrecognised.</summary>
    UNKNOWN = 0,

    /// <summary>A directory that can be shared out in parts.</summary>
    PATH = 1,

    /// <summary>A whole mounted filesystem.</summary>
    MOUNT = 2,

    /// <summary>A raw block device.</summary>
    BLOCK = 3,

    /// <summary>Unformatted raw storage.</summary>
    RAW = 4,
}
