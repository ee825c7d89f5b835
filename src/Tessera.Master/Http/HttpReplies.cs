using System.Text;
using Microsoft.AspNetCore.Http;
using Tessera.Master.Loop;

namespace Tessera.Master.Http;

/// <summary>Writes a <see cref="CallOutcome"/> and the redirect/unavailable answers of a non-leader.</summary>
internal static class HttpReplies
{
    public static async Task Write(HttpContext http, CallOutcome outcome)
    {
        http.Response.StatusCode = outcome.Status;
        if (outcome.JsonBody is { } json)
        {
            http.Response.ContentType = "application/json";
            await http.Response.Body.WriteAsync(json, http.RequestAborted);
        }
        else if (outcome.Message is { } message)
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(Tessera.Http.Refusals.OneLine(message)),
                http.RequestAborted);
        }
    }

    /// <summary>307 to the leader, or 503 when none is known; null when we lead and the call may go on.</summary>
    public static async Task<bool> RedirectUnlessLeader(HttpContext http, ILeadership leadership)
    {
        if (leadership.IsLeader) return false;
        if (leadership.Leader is { } leader)
        {
            http.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            http.Response.Headers.Location = new Uri(leader, http.Request.Path + http.Request.QueryString).ToString();
            return true;
        }
        await Write(http, new CallOutcome(StatusCodes.Status503ServiceUnavailable, "no leading master is known"));
        return true;
    }
}
