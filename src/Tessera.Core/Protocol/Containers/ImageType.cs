using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Image.Type</c>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<ImageType>))]
public enum ImageType
{
    /// <summary>An AppC image.</summary>
    APPC = 1,

    /// <summary>A Docker / OCI image.</summary>
    DOCKER = 2,
}
