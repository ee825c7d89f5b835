using Microsoft.AspNetCore.Http;
using Tessera.Master.Events;

namespace Tessera.Master.Http;

/// <summary>
/// Writes an <see cref="EventChannel"/> to an HTTP response: each RecordIO record written and
/// flushed on its own, so it leaves as its own chunk (some clients parse chunk by chunk).
/// Returns when the channel closes or the client goes away.
/// </summary>
internal static class StreamPump
{
    public static async Task Run(HttpContext http, EventChannel channel)
    {
        var body = http.Response.Body;
        var ct = http.RequestAborted;
        try
        {
            await http.Response.StartAsync(ct);
            await foreach (var record in channel.Reader.ReadAllAsync(ct))
            {
                await body.WriteAsync(record, ct);
                await body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }
        finally
        {
            channel.Close();
        }
    }
}
