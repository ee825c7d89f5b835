using Microsoft.AspNetCore.Http;
using Tessera.Http;

namespace Tessera.Agent.Http;

/// <summary>
/// The agent's request bodies, read and decoded whole by <see cref="MesosBody"/> with each API's
/// limits (<c>docs/api-input.md</c>); a refusal is answered here as text naming the field.
/// </summary>
internal static class AgentJsonRequest
{
    /// <summary>The agent Operator API; a session call checks Accept itself (it may answer a stream).</summary>
    public static readonly BodyRules OperatorApi = new("the agent Operator API", 1024 * 1024, CheckAccept: false);

    /// <summary>The Executor API: a status update may carry up to a few MiB of data.</summary>
    public static readonly BodyRules ExecutorApi = new("the Executor API", 16 * 1024 * 1024);

    /// <summary>Kestrel's own cap, above every API's: a backstop, not the rule.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>The parsed body, or null after the refusal was answered.</summary>
    public static async Task<T?> ReadOrReject<T>(HttpContext http, BodyRules rules) where T : class
    {
        var read = await MesosBody.ReadAsync<T>(http, rules);
        if (read.IsRefused) await AgentReplies.Text(http, read.Status, read.Problem!);
        return read.Value;
    }
}
