using System.Buffers;

namespace Tessera.Http;

/// <summary>
/// Reads a request body into memory, never more than a limit: a Content-Length over it is refused
/// before a byte is read, a chunked body as soon as it passes it. A known length is read into one
/// array of exactly that size; a chunked body grows by doubling from 16 KiB. Null means too large.
/// </summary>
public static class BoundedBody
{
    private const int ChunkedStart = 16 * 1024;

    public static async Task<ArraySegment<byte>?> ReadAsync(Stream body, long? contentLength, int maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (contentLength > maxBytes) return null;
        var buffer = contentLength is { } known ? new byte[known] : new byte[Math.Min(ChunkedStart, maxBytes + 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (contentLength is not null)
                {
                    // Kestrel ends the body at Content-Length; one more read only confirms the end.
                    var probe = ArrayPool<byte>.Shared.Rent(1);
                    try
                    {
                        if (await body.ReadAsync(probe.AsMemory(0, 1), ct).ConfigureAwait(false) > 0) return null;
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(probe);
                    }
                    return new ArraySegment<byte>(buffer, 0, length);
                }
                if (buffer.Length > maxBytes) return null;
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1L));
            }
            var read = await body.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false);
            if (read == 0) return new ArraySegment<byte>(buffer, 0, length);
            length += read;
            if (length > maxBytes) return null;
        }
    }
}
