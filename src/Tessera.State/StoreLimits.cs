using System.Text;

namespace Tessera.State;

/// <summary>
/// The key and value rules every backend enforces before writing anything, so that data written to
/// one backend fits the other (etcd's own defaults allow more; these leave it room).
/// </summary>
public static class StoreLimits
{
    /// <summary>Longest key, in UTF-8 bytes.</summary>
    public const int MaxKeyBytes = 512;

    /// <summary>Largest value, in bytes (1 MiB).</summary>
    public const int MaxValueBytes = 1024 * 1024;

    // Strict: a lone surrogate would otherwise become U+FFFD and two keys could collide.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The UTF-8 bytes of a valid key; throws <see cref="ArgumentException"/> naming the key and the rule.</summary>
    public static byte[] EncodeKey(string key, string paramName = "key")
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        if (key.Length == 0)
            throw new ArgumentException("key must not be empty", paramName);
        return EncodeKeyOrPrefix(key, paramName);
    }

    /// <summary>The UTF-8 bytes of a listing prefix: like a key, but may be empty.</summary>
    public static byte[] EncodePrefix(string prefix, string paramName = "prefix")
    {
        ArgumentNullException.ThrowIfNull(prefix, paramName);
        return EncodeKeyOrPrefix(prefix, paramName);
    }

    /// <summary>Throws <see cref="ArgumentException"/> when a value for <paramref name="key"/> is over <see cref="MaxValueBytes"/>.</summary>
    public static void CheckValue(string key, ReadOnlyMemory<byte> value, string paramName = "value")
    {
        if (value.Length > MaxValueBytes)
            throw new ArgumentException(
                $"value of key '{Shorten(key)}' is {value.Length} bytes; at most {MaxValueBytes} bytes are allowed", paramName);
    }

    /// <summary>Decodes a stored key.</summary>
    internal static string DecodeKey(byte[] bytes) => StrictUtf8.GetString(bytes);

    private static byte[] EncodeKeyOrPrefix(string key, string paramName)
    {
        if (key.Contains('\0', StringComparison.Ordinal))
            throw new ArgumentException($"key '{Shorten(key).Replace("\0", "\\0", StringComparison.Ordinal)}' must not contain NUL", paramName);
        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(key);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"key '{Shorten(key)}' is not valid Unicode (lone surrogate)", paramName, e);
        }
        if (bytes.Length > MaxKeyBytes)
            throw new ArgumentException(
                $"key '{Shorten(key)}' is {bytes.Length} bytes in UTF-8; at most {MaxKeyBytes} bytes are allowed", paramName);
        return bytes;
    }

    // Error messages name the key, but a 100 KB key would drown the message.
    private static string Shorten(string key) => key.Length <= 80 ? key : string.Concat(key.AsSpan(0, 80), "…");
}
