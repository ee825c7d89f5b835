using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Resource.ReservationInfo.Type</c>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<ReservationType>))]
public enum ReservationType
{
    /// <summary>Unrecognised.</summary>
    UNKNOWN = 0,

    /// <summary>Reserved by the agent's configuration.</summary>
    STATIC = 1,

    /// <summary>Reserved through RESERVE.</summary>
    DYNAMIC = 2,
}
