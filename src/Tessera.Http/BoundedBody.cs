namespace Tessera.Http;

/// <summary>
/// Reads a request body into memory, never more than a limit: a Content-Length over it is refused
/// before a byte is read, a body that passes it (chunked, or longer than declared) as soon as it
/// does. The buffer grows by doubling from 16 KiB as bytes arrive — never to a declared length
/// ahead of the data, so clients that declare 16 MiB and send nothing cost 16 KiB each.
/// Null means too large.
/// </summary>
public static class BoundedBody
{
    private const int Start = 16 * 1024;

    public static async Task<ArraySegment<byte>?> ReadAsync(Stream body, long? contentLength, int maxBytes,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (contentLength > maxBytes) return null;
        // One byte past the limit (or the declared length) tells a body that is too long.
        var cap = (int)Math.Min((long)maxBytes + 1, (contentLength ?? maxBytes) + 1L);
        var buffer = new byte[Math.Min(Start, cap)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length >= cap) return null;
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, cap));
            }
            var read = await body.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false);
            if (read == 0) return new ArraySegment<byte>(buffer, 0, length);
            length += read;
            if (length > maxBytes || length > contentLength) return null;
        }
    }
}
