using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>InverseOfferStatus.Status</c>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<InverseOfferStatusKind>))]
public enum InverseOfferStatusKind
{
    /// <summary>No answer yet.</summary>
    UNKNOWN = 1,

    /// <summary>Accepted.</summary>
    ACCEPT = 2,

    /// <summary>Declined.</summary>
    DECLINE = 3,
}
