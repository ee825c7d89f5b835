using System.Text;

namespace Tessera.Jobs.Config;

/// <summary>
/// Reads a child's output stream to its end without holding more than a bound: the first
/// <see cref="_keepFirst"/> bytes (a result) or the last <see cref="_keepLast"/> bytes (a log tail),
/// and how many bytes there were in all. A config that writes 800 MB costs the loader a few KiB.
/// </summary>
internal sealed class OutputCapture
{
    private readonly int _keepFirst;
    private readonly int _keepLast;
    private readonly MemoryStream _first = new();
    private readonly byte[] _ring;
    private long _ringWritten;

    private OutputCapture(int keepFirst, int keepLast)
    {
        _keepFirst = keepFirst;
        _keepLast = keepLast;
        _ring = new byte[keepLast];
    }

    /// <summary>All bytes the stream delivered.</summary>
    public long Total { get; private set; }

    /// <summary>Keeps the first <paramref name="bytes"/> (for a result that must be whole).</summary>
    public static OutputCapture Head(int bytes) => new(bytes, 0);

    /// <summary>Keeps the last <paramref name="bytes"/> (for a log whose end says what went wrong).</summary>
    public static OutputCapture Tail(int bytes) => new(0, bytes);

    public async Task ReadAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            Total += read;
            var room = (int)Math.Max(0, _keepFirst - _first.Length);
            if (room > 0) _first.Write(buffer, 0, Math.Min(room, read));
            if (_keepLast > 0) Remember(buffer.AsSpan(0, read));
        }
    }

    /// <summary>Copies <paramref name="data"/> into the ring, at most its last <c>_keepLast</c> bytes.</summary>
    private void Remember(ReadOnlySpan<byte> data)
    {
        if (data.Length > _keepLast)
        {
            _ringWritten += data.Length - _keepLast;
            data = data[^_keepLast..];
        }
        while (!data.IsEmpty)
        {
            var at = (int)(_ringWritten % _keepLast);
            var count = Math.Min(data.Length, _keepLast - at);
            data[..count].CopyTo(_ring.AsSpan(at));
            _ringWritten += count;
            data = data[count..];
        }
    }

    /// <summary>What was kept, as UTF-8 text (a cut multi-byte character becomes U+FFFD).</summary>
    public string Text()
    {
        if (_keepLast == 0) return Encoding.UTF8.GetString(_first.GetBuffer(), 0, (int)_first.Length);
        var count = (int)Math.Min(_ringWritten, _keepLast);
        var start = (int)(_ringWritten - count);
        var tail = new byte[count];
        for (var i = 0; i < count; i++) tail[i] = _ring[(start + i) % _keepLast];
        return Encoding.UTF8.GetString(tail);
    }
}
