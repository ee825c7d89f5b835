using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Value.Type</c>: the kind of a resource or attribute value.</summary>
[JsonConverter(typeof(ProtoEnumConverter<ValueKind>))]
public enum ValueKind
{
    /// <summary>A floating-point quantity.</summary>
    SCALAR = 0,

    /// <summary>Inclusive integer ranges.</summary>
    RANGES = 1,

    /// <summary>A set of strings.</summary>
    SET = 2,

    /// <summary>A string (attributes only).</summary>
    TEXT = 3,
}
