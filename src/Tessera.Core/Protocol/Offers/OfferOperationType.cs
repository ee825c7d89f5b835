using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Offer.Operation.Type</c>.</summary>
[JsonConverter(typeof(ProtoEnumConverter<OfferOperationType>))]
public enum OfferOperationType
{
    /// <summary>Unrecognised.</summary>
    UNKNOWN = 0,

    /// <summary>Launch tasks.</summary>
    LAUNCH = 1,

    /// <summary>Launch a task group.</summary>
    LAUNCH_GROUP = 6,

    /// <summary>Dynamically reserve resources.</summary>
    RESERVE = 2,

    /// <summary>Release dynamic reservations.</summary>
    UNRESERVE = 3,

    /// <summary>Create persistent volumes.</summary>
    CREATE = 4,

    /// <summary>Destroy persistent volumes.</summary>
    DESTROY = 5,

    /// <summary>Grow a persistent volume.</summary>
    GROW_VOLUME = 11,

    /// <summary>Shrink a persistent volume.</summary>
    SHRINK_VOLUME = 12,

    /// <summary>Create a disk from raw storage.</summary>
    CREATE_DISK = 13,

    /// <summary>Return a disk to raw storage.</summary>
    DESTROY_DISK = 14,
}
