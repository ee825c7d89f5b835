using System.Buffers;
using System.Buffers.Text;

namespace Tessera.Core.Protocol.RecordIo;

/// <summary>Frames records as RecordIO: <c>"&lt;decimal length&gt;\n"</c> followed by the bytes.</summary>
public static class RecordIoEncoder
{
    /// <summary>Returns the framed record.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> record)
    {
        var buffer = new ArrayBufferWriter<byte>(record.Length + 21);
        Write(buffer, record);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the framed record into <paramref name="output"/>.</summary>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> record)
    {
        ArgumentNullException.ThrowIfNull(output);
        var prefix = output.GetSpan(21);
        Utf8Formatter.TryFormat((ulong)record.Length, prefix, out var written);
        prefix[written++] = (byte)'\n';
        output.Advance(written);
        var body = output.GetSpan(record.Length);
        record.CopyTo(body);
        output.Advance(record.Length);
    }
}
