using Microsoft.AspNetCore.Http;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Frameworks;
using Tessera.Master.Loop;
using Tessera.Master.Scheduler;

namespace Tessera.Master.Http;

/// <summary><c>POST /api/v1/scheduler</c>: the Mesos v1 Scheduler API, JSON, with Mesos' status codes.</summary>
internal sealed class SchedulerEndpoint(MasterLoop loop, ILeadership leadership)
{
    public const string StreamIdHeader = "Mesos-Stream-Id";

    public async Task Handle(HttpContext http)
    {
        if (await HttpReplies.RedirectUnlessLeader(http, leadership)) return;
        if (await JsonRequest.ReadOrReject<SchedulerCall>(http, JsonRequest.SchedulerApi) is not { } call) return;
        if (call.Type is null)
        {
            await HttpReplies.Write(http, CallOutcome.BadRequest("'type' is required"));
            return;
        }
        var streamId = http.Request.Headers[StreamIdHeader].FirstOrDefault();
        if (call.Type == SchedulerCallType.SUBSCRIBE)
        {
            await Subscribe(http, call, streamId);
            return;
        }
        var outcome = await loop.AskAsync(rt => SchedulerCalls.Dispatch(rt, call, streamId), http.RequestAborted);
        await HttpReplies.Write(http, outcome);
    }

    private async Task Subscribe(HttpContext http, SchedulerCall call, string? streamId)
    {
        if (streamId is not null)
        {
            await HttpReplies.Write(http, CallOutcome.BadRequest("SUBSCRIBE must not carry a 'Mesos-Stream-Id' header"));
            return;
        }
        if (call.Subscribe is not { } subscribe)
        {
            await HttpReplies.Write(http, CallOutcome.BadRequest("'subscribe' is required for SUBSCRIBE"));
            return;
        }
        var outcome = await loop.AskAsync(rt => rt.Frameworks.Subscribe(subscribe, call.FrameworkId), http.RequestAborted);
        if (outcome.Stream is not { } stream)
        {
            await HttpReplies.Write(http, new CallOutcome(outcome.Status, outcome.Message));
            return;
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        http.Response.Headers[StreamIdHeader] = stream.StreamId;
        try
        {
            await StreamPump.Run(http, stream);
        }
        finally
        {
            var frameworkId = outcome.FrameworkId!;
            loop.TryPost(new ActionMessage(rt => rt.Frameworks.Disconnected(frameworkId, stream)));
        }
    }
}
