namespace Tessera.Core.Protocol;

/// <summary>Mesos' <c>UUID</c> message: the 16 raw bytes, base64 on the wire.</summary>
public sealed record UUID
{
    /// <summary>The raw bytes.</summary>
    public required ByteString Value { get; init; }
}
