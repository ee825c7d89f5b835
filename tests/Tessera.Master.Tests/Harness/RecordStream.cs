using System.Threading.Channels;
using Tessera.Core.Protocol.RecordIo;

namespace Tessera.Master.Tests.Harness;

/// <summary>Reads a chunked RecordIO response in the background into a channel of records, and counts the reads that carried exactly one record.</summary>
internal sealed class RecordStream : IAsyncDisposable
{
    private readonly Channel<byte[]> _records = Channel.CreateUnbounded<byte[]>();
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    public RecordStream(HttpResponseMessage response)
    {
        _response = response;
        _reader = Task.Run(ReadAsync);
    }

    public bool Ended { get; private set; }

    /// <summary>Reads (socket reads) that ended exactly at a record boundary, i.e. each record came in its own chunk.</summary>
    public int AlignedReads { get; private set; }

    public int Reads { get; private set; }

    public async Task<byte[]?> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _records.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    private async Task ReadAsync()
    {
        var decoder = new RecordIoDecoder();
        var buffer = new byte[1 << 16];
        try
        {
            await using var body = await _response.Content.ReadAsStreamAsync(_stop.Token);
            int n;
            while ((n = await body.ReadAsync(buffer, _stop.Token)) > 0)
            {
                Reads++;
                foreach (var record in decoder.Feed(buffer.AsSpan(0, n)))
                    _records.Writer.TryWrite(record);
                if (decoder.IsAtRecordBoundary) AlignedReads++;
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
        }
        catch (HttpRequestException)
        {
        }
        finally
        {
            Ended = true;
            _records.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        try { await _reader; } catch (Exception) { }
        _stop.Dispose();
    }
}
