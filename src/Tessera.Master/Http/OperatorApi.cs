using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;
using Tessera.Master.Events;
using Tessera.Master.Hosting;
using Tessera.Master.Loop;
using Tessera.Master.Operator;

namespace Tessera.Master.Http;

/// <summary>
/// <c>POST /api/v1</c>: the Mesos v1 Operator API, JSON. Queries answer 200 with
/// <c>{"type":T,"t":{...}}</c> from a fresh snapshot; write calls run on the loop and answer 200
/// (202 for RESERVE/UNRESERVE_RESOURCES) with no body; SUBSCRIBE answers a RecordIO event stream.
/// </summary>
internal sealed class OperatorApi(MasterLoop loop, ILeadership leadership, MasterOptions options, IHostApplicationLifetime lifetime)
{
    public async Task Handle(HttpContext http)
    {
        if (await HttpReplies.RedirectUnlessLeader(http, leadership)) return;
        if (await JsonRequest.ReadOrReject<OperatorCall>(http, JsonRequest.OperatorApi) is not { } call) return;
        var ct = http.RequestAborted;
        switch (call.Type)
        {
            case null:
                await HttpReplies.Write(http, CallOutcome.BadRequest("'type' is required"));
                return;
            case OperatorCallType.UNKNOWN:
                await HttpReplies.Write(http, CallOutcome.BadRequest("'type' is not a known operator call type"));
                return;
            case OperatorCallType.SUBSCRIBE:
                await Subscribe(http);
                return;
            case { } type when OperatorQueries.IsQuery(type):
                // Counters move without marking the state dirty: take them as of now.
                var snapshot = await loop.AskAsync(rt => rt.Snapshots.Fresh() with { Counters = rt.State.Counters.Copy() }, ct);
                var response = OperatorQueries.Answer(type, snapshot, options, leadership.IsLeader, loop.Runtime.State.Clock.GetUtcNow());
                await HttpReplies.Write(http, CallOutcome.Json(MesosJson.SerializeToUtf8Bytes(response)));
                return;
            case { } type when OperatorCalls.IsWrite(type):
                await HttpReplies.Write(http, await loop.AskAsync(rt => OperatorCalls.Apply(rt, call), ct));
                return;
            default:
                await HttpReplies.Write(http, CallOutcome.BadRequest($"'type': {call.Type} is not supported by Tessera"));
                return;
        }
    }

    /// <summary>SUBSCRIBE: SUBSCRIBED with the full state, then events and a HEARTBEAT every heartbeat interval, until either side ends it.</summary>
    private async Task Subscribe(HttpContext http)
    {
        var interval = options.HeartbeatInterval;
        var channel = await loop.AskAsync(rt => rt.Watchers.Add(interval.TotalSeconds), http.RequestAborted);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        // The server is stopping: end the stream so the request completes (the loop closes the channel).
        using var stopping = lifetime.ApplicationStopping.Register(() => loop.TryPost(new ActionMessage(rt => rt.Watchers.Remove(channel))));
        var heartbeats = Heartbeats(channel, interval, stop.Token);
        try
        {
            await StreamPump.Run(http, channel);
        }
        finally
        {
            await stop.CancelAsync();
            await heartbeats;
            loop.TryPost(new ActionMessage(rt => rt.Watchers.Remove(channel)));
        }
    }

    private Task Heartbeats(EventChannel channel, TimeSpan interval, CancellationToken ct) => Task.Run(async () =>
    {
        try
        {
            using var timer = new PeriodicTimer(interval, loop.Runtime.State.Clock);
            while (await timer.WaitForNextTickAsync(ct))
                await loop.PostAsync(new ActionMessage(rt => rt.Watchers.Heartbeat(channel)), ct);
        }
        catch (OperationCanceledException)
        {
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
        }
    }, CancellationToken.None);
}
