using Microsoft.AspNetCore.Http;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol.Json;
using Tessera.Master.Loop;

namespace Tessera.Master.Http;

/// <summary>The agent link under <c>/agent/v1/</c>: Tessera's own JSON protocol (see docs/agent-protocol.md).</summary>
internal sealed class AgentEndpoints(MasterLoop loop, ILeadership leadership)
{
    public async Task Register(HttpContext http)
    {
        if (await HttpReplies.RedirectUnlessLeader(http, leadership)) return;
        if (await JsonRequest.ReadOrReject<AgentRegistration>(http, JsonRequest.AgentLink) is not { } registration) return;
        var (registered, refused) = await loop.AskAsync(rt => rt.Agents.Register(registration), http.RequestAborted);
        await HttpReplies.Write(http, refused ?? CallOutcome.Json(MesosJson.SerializeToUtf8Bytes(registered!)));
    }

    public async Task Stream(HttpContext http)
    {
        if (await HttpReplies.RedirectUnlessLeader(http, leadership)) return;
        if (await JsonRequest.ReadOrReject<AgentStreamRequest>(http, JsonRequest.AgentLink) is not { } request) return;
        var agentId = request.AgentId.Value;
        var (stream, refused) = await loop.AskAsync(rt => rt.Agents.OpenStream(agentId), http.RequestAborted);
        if (stream is null)
        {
            await HttpReplies.Write(http, refused!);
            return;
        }
        http.Response.ContentType = "application/recordio";
        try
        {
            await StreamPump.Run(http, stream);
        }
        finally
        {
            loop.TryPost(new ActionMessage(rt => rt.Agents.StreamClosed(agentId, stream)));
        }
    }

    public Task Pong(HttpContext http) => Relay<AgentPong>(http, (rt, pong) => rt.Agents.Pong(pong));

    public Task Status(HttpContext http) => Relay<AgentStatusUpdate>(http, (rt, update) => rt.Tasks.OnStatusUpdate(update));

    /// <summary>A batch of updates, taken in one loop message; answers a receipt per update.</summary>
    public async Task Statuses(HttpContext http)
    {
        if (await HttpReplies.RedirectUnlessLeader(http, leadership)) return;
        if (await JsonRequest.ReadOrReject<AgentStatusUpdates>(http, JsonRequest.AgentLink) is not { } batch) return;
        if (batch.Updates.Count > MaxBatch)
        {
            await HttpReplies.Write(http, CallOutcome.BadRequest($"'updates' holds {batch.Updates.Count} updates; at most {MaxBatch} per request"));
            return;
        }
        var receipts = await loop.AskAsync(rt => batch.Updates.Select(u => rt.Tasks.OnStatusUpdate(u)).Select(o => new AgentStatusReceipt { Code = o.Status, Message = o.Message }).ToList(), http.RequestAborted);
        await HttpReplies.Write(http, CallOutcome.Json(MesosJson.SerializeToUtf8Bytes(new AgentStatusReceipts { Receipts = receipts })));
    }

    public const int MaxBatch = 1000;

    public Task ExecutorExited(HttpContext http) => Relay<AgentExecutorExited>(http, (rt, exited) => rt.Tasks.OnExecutorExited(exited));

    public Task Message(HttpContext http) => Relay<AgentExecutorMessage>(http, (rt, message) => rt.Tasks.OnExecutorMessage(message));

    private async Task Relay<T>(HttpContext http, Func<MasterRuntime, T, CallOutcome> handle) where T : class
    {
        if (await HttpReplies.RedirectUnlessLeader(http, leadership)) return;
        if (await JsonRequest.ReadOrReject<T>(http, JsonRequest.AgentLink) is not { } body) return;
        await HttpReplies.Write(http, await loop.AskAsync(rt => handle(rt, body), http.RequestAborted));
    }
}
