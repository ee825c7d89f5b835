using System.Threading.Channels;
using Tessera.Core.Protocol.RecordIo;

namespace Tessera.Master.Events;

/// <summary>
/// One open stream to a framework, agent or operator subscriber: RecordIO records queued by the
/// master loop and written out by the HTTP request that holds the stream, each as its own flushed
/// chunk. Bounded: the loop never waits on a slow reader; a reader that falls too far behind is cut
/// off (it reconnects and reconciles, as Mesos clients do after a lost stream).
/// </summary>
internal sealed class EventChannel
{
    private readonly Channel<byte[]> _records;

    public EventChannel(string streamId, int capacity)
    {
        StreamId = streamId;
        _records = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string StreamId { get; }

    public bool Closed { get; private set; }

    /// <summary>Queues an already-serialised JSON message; false (and the stream closed) when the reader is too far behind.</summary>
    public bool Send(byte[] json)
    {
        if (Closed) return false;
        if (_records.Writer.TryWrite(RecordIoEncoder.Encode(json))) return true;
        Close();
        return false;
    }

    public void Close()
    {
        Closed = true;
        _records.Writer.TryComplete();
    }

    public ChannelReader<byte[]> Reader => _records.Reader;
}
