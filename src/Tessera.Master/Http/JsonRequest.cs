using Microsoft.AspNetCore.Http;
using Tessera.Http;

namespace Tessera.Master.Http;

/// <summary>
/// The master's request bodies: each API's limits (<c>docs/api-input.md</c>), read and decoded
/// whole by <see cref="MesosBody"/> before anything acts on them; a refusal is answered here.
/// </summary>
internal static class JsonRequest
{
    /// <summary>
    /// SUBSCRIBE answers a RecordIO stream: an Accept of <c>application/recordio</c> is fine, as it always was here.
    /// </summary>
    public static readonly BodyRules SchedulerApi =
        new("the Scheduler API", 16 * 1024 * 1024, AlsoAccepted: MediaTypes.RecordIo);

    public static readonly BodyRules OperatorApi =
        new("the Operator API", 4 * 1024 * 1024, AlsoAccepted: MediaTypes.RecordIo);

    /// <summary>Re-registration lists every task of an agent: the largest bodies the master takes.</summary>
    public static readonly BodyRules AgentLink =
        new("the agent link", 32 * 1024 * 1024, AlsoAccepted: MediaTypes.RecordIo);

    /// <summary>Kestrel's own cap, above every API's: a backstop, not the rule.</summary>
    public const int MaxBodyBytes = 32 * 1024 * 1024;

    /// <summary>The parsed body, or null after answering the refusal (the caller just returns).</summary>
    public static async Task<T?> ReadOrReject<T>(HttpContext http, BodyRules rules) where T : class
    {
        var read = await MesosBody.ReadAsync<T>(http, rules);
        if (read.IsRefused) await HttpReplies.Write(http, new Loop.CallOutcome(read.Status, read.Problem));
        return read.Value;
    }
}
