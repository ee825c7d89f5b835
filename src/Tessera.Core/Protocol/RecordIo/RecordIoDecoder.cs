namespace Tessera.Core.Protocol.RecordIo;

/// <summary>
/// Incremental RecordIO decoder: feed it bytes as they arrive, split anywhere (even inside the
/// length prefix), and it returns each record once complete. A bad length prefix (empty, a
/// non-digit, more than 20 digits, or above <see cref="MaxRecordSize"/>) throws
/// <see cref="RecordIoException"/>, and the decoder stays failed. Not thread-safe.
/// </summary>
public sealed class RecordIoDecoder
{
    /// <summary>The default largest record accepted: 64 MiB.</summary>
    public const long DefaultMaxRecordSize = 64L * 1024 * 1024;

    /// <summary>The most digits a length prefix may have.</summary>
    public const int MaxPrefixDigits = 20;

    private ulong _length;
    private int _digits;
    private byte[]? _record;
    private int _filled;
    private string? _failure;

    /// <summary>Creates a decoder that accepts records up to <paramref name="maxRecordSize"/> bytes.</summary>
    public RecordIoDecoder(long maxRecordSize = DefaultMaxRecordSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRecordSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxRecordSize, (long)Array.MaxLength);
        MaxRecordSize = maxRecordSize;
    }

    /// <summary>The largest record accepted, in bytes.</summary>
    public long MaxRecordSize { get; }

    /// <summary>True when no partial record or prefix is buffered (a clean place for the stream to end).</summary>
    public bool IsAtRecordBoundary => _record is null && _digits == 0;

    /// <summary>Consumes <paramref name="data"/> and returns the records it completed, in order.</summary>
    public IReadOnlyList<byte[]> Feed(ReadOnlySpan<byte> data)
    {
        if (_failure is not null)
        {
            throw new RecordIoException(_failure);
        }

        List<byte[]>? records = null;
        while (!data.IsEmpty)
        {
            if (_record is null)
            {
                var consumed = ReadPrefix(data, ref records);
                data = data[consumed..];
                continue;
            }

            var take = Math.Min(_record.Length - _filled, data.Length);
            data[..take].CopyTo(_record.AsSpan(_filled));
            _filled += take;
            data = data[take..];
            if (_filled == _record.Length)
            {
                (records ??= []).Add(_record);
                _record = null;
                _filled = 0;
            }
        }

        return records ?? (IReadOnlyList<byte[]>)[];
    }

    private int ReadPrefix(ReadOnlySpan<byte> data, ref List<byte[]>? records)
    {
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (b == (byte)'\n')
            {
                if (_digits == 0)
                {
                    Fail("empty record length prefix");
                }

                if (_length > (ulong)MaxRecordSize)
                {
                    Fail($"record length {_length} exceeds the maximum of {MaxRecordSize} bytes");
                }

                _digits = 0;
                if (_length == 0)
                {
                    (records ??= []).Add([]);
                }
                else
                {
                    _record = new byte[_length];
                }

                _length = 0;
                return i + 1;
            }

            if (b is < (byte)'0' or > (byte)'9')
            {
                Fail($"record length prefix contains a non-digit byte 0x{b:x2}");
            }

            if (++_digits > MaxPrefixDigits)
            {
                Fail($"record length prefix is longer than {MaxPrefixDigits} digits");
            }

            var digit = (ulong)(b - '0');
            _length = _length > (ulong.MaxValue - digit) / 10 ? ulong.MaxValue : (_length * 10) + digit;
        }

        return data.Length;
    }

    private void Fail(string message)
    {
        _failure = message;
        throw new RecordIoException(message);
    }
}
