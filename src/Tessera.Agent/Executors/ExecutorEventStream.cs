using System.Threading.Channels;
using Tessera.Core.Protocol.Executor;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.RecordIo;

namespace Tessera.Agent.Executors;

/// <summary>
/// The events for one subscribed executor, RecordIO-framed, waiting for the HTTP response that
/// carries them (<see cref="PumpAsync"/>). Written on the agent loop, read by the request.
/// </summary>
internal sealed class ExecutorEventStream
{
    /// <summary>Mesos' agent sends HEARTBEAT events to executors every 30 s.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(30);

    private static readonly byte[] Heartbeat = Frame(new ExecutorEvent { Type = ExecutorEventType.HEARTBEAT });

    private readonly Channel<byte[]> _records = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });

    public void Send(ExecutorEvent evt) => _records.Writer.TryWrite(Frame(evt));

    /// <summary>Ends the response after what is already queued (SHUTDOWN, a newer subscription, the executor's end).</summary>
    public void Close() => _records.Writer.TryComplete();

    /// <summary>Writes each record as its own chunk, and a HEARTBEAT whenever nothing else went out for <see cref="HeartbeatInterval"/>.</summary>
    public async Task PumpAsync(Stream body, CancellationToken ct)
    {
        var reader = _records.Reader;
        try
        {
            while (true)
            {
                bool more;
                using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    quiet.CancelAfter(HeartbeatInterval);
                    try
                    {
                        more = await reader.WaitToReadAsync(quiet.Token);
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                        await body.WriteAsync(Heartbeat, ct);
                        await body.FlushAsync(ct);
                        continue;
                    }
                }
                if (!more) return;
                while (reader.TryRead(out var record))
                {
                    await body.WriteAsync(record, ct);
                    await body.FlushAsync(ct);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }
    }

    private static byte[] Frame(ExecutorEvent evt) => RecordIoEncoder.Encode(MesosJson.SerializeToUtf8Bytes(evt));
}
