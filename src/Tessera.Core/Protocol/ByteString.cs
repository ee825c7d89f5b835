using System.Text.Json.Serialization;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Protocol;

/// <summary>An immutable proto <c>bytes</c> value with value equality; base64 on the JSON wire.</summary>
[JsonConverter(typeof(ByteStringConverter))]
public sealed class ByteString : IEquatable<ByteString>
{
    private readonly byte[] _bytes;

    private ByteString(byte[] bytes) => _bytes = bytes;

    /// <summary>The empty value.</summary>
    public static ByteString Empty { get; } = new([]);

    /// <summary>The bytes.</summary>
    public ReadOnlySpan<byte> Span => _bytes;

    /// <summary>The bytes as memory.</summary>
    public ReadOnlyMemory<byte> Memory => _bytes;

    /// <summary>The number of bytes.</summary>
    public int Length => _bytes.Length;

    /// <summary>Copies <paramref name="bytes"/>.</summary>
    public static ByteString CopyFrom(ReadOnlySpan<byte> bytes) => new(bytes.ToArray());

    /// <summary>The UTF-8 bytes of <paramref name="text"/>.</summary>
    public static ByteString FromUtf8(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Decodes standard base64.</summary>
    public static ByteString FromBase64(string base64) => new(Convert.FromBase64String(base64));

    /// <summary>Takes ownership of an array that nobody else will change.</summary>
    internal static ByteString Wrap(byte[] bytes) => new(bytes);

    /// <summary>A copy of the bytes.</summary>
    public byte[] ToArray() => _bytes.ToArray();

    /// <summary>Standard base64, as on the wire.</summary>
    public string ToBase64() => Convert.ToBase64String(_bytes);

    /// <summary>The bytes decoded as UTF-8.</summary>
    public string ToUtf8String() => System.Text.Encoding.UTF8.GetString(_bytes);

    /// <inheritdoc />
    public bool Equals(ByteString? other) => other is not null && Span.SequenceEqual(other.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ByteString);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => ToBase64();

    /// <summary>Value equality.</summary>
    public static bool operator ==(ByteString? left, ByteString? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ByteString? left, ByteString? right) => !(left == right);
}
