using System.Text;
using Microsoft.AspNetCore.Http;

namespace Tessera.Agent.Http;

/// <summary>The agent's answers: JSON bodies, and errors as text/plain naming the field and the rule.</summary>
internal static class AgentReplies
{
    public static async Task Json(HttpContext http, byte[] body)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    public static async Task Text(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(Tessera.Http.Refusals.OneLine(message) + "\n"),
            http.RequestAborted);
    }
}
