using System.Text.Json;
using Tessera.Core.Protocol.RecordIo;

namespace Tessera.Master.Tests.Operator;

/// <summary>Reads RecordIO JSON records from an open response stream.</summary>
internal sealed class OperatorRecordReader(Stream stream)
{
    private readonly RecordIoDecoder _decoder = new();
    private readonly Queue<byte[]> _pending = new();
    private readonly byte[] _buffer = new byte[65536];

    public async Task<JsonElement> NextAsync(CancellationToken ct)
    {
        while (_pending.Count == 0)
        {
            var read = await stream.ReadAsync(_buffer, ct);
            if (read == 0) throw new EndOfStreamException("the stream ended");
            foreach (var record in _decoder.Feed(_buffer.AsSpan(0, read))) _pending.Enqueue(record);
        }
        return JsonDocument.Parse(_pending.Dequeue()).RootElement.Clone();
    }

    /// <summary>The next record of <paramref name="type"/>, skipping HEARTBEATs; any other type fails.</summary>
    public async Task<JsonElement> NextOfTypeAsync(string type, CancellationToken ct, params string[] skip)
    {
        while (true)
        {
            var record = await NextAsync(ct);
            var actual = record.GetProperty("type").GetString();
            if (actual == type) return record;
            if (actual == "HEARTBEAT" || skip.Contains(actual)) continue;
            Assert.Fail($"expected {type}, got {record}");
        }
    }
}
