using System.Net;
using System.Text;
using System.Text.Json;

namespace Tessera.Agent.Tests.Harness;

/// <summary>Plain HTTP to the agent, as an operator's tool would do it; answers are parsed as raw JSON to check the wire shape.</summary>
internal sealed class AgentClient(Uri agent) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = agent };

    public async Task<(HttpStatusCode Status, string Body, string? ContentType)> GetAsync(string pathAndQuery)
    {
        using var reply = await _http.GetAsync(pathAndQuery);
        return (reply.StatusCode, await reply.Content.ReadAsStringAsync(), reply.Content.Headers.ContentType?.MediaType);
    }

    public async Task<JsonElement> GetJsonAsync(string pathAndQuery)
    {
        var (status, body, _) = await GetAsync(pathAndQuery);
        Assert.True(status == HttpStatusCode.OK, $"GET {pathAndQuery} answered {(int)status}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<(HttpStatusCode Status, string Body)> PostAsync(string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var reply = await _http.PostAsync("/api/v1", content);
        return (reply.StatusCode, await reply.Content.ReadAsStringAsync());
    }

    /// <summary>An operator call by type; asserts 200 and returns the body named after the type (e.g. <c>get_tasks</c>).</summary>
    public async Task<JsonElement> CallAsync(string type)
    {
        var (status, body) = await PostAsync($"{{\"type\":\"{type}\"}}");
        Assert.True(status == HttpStatusCode.OK, $"{type} answered {(int)status}: {body}");
        var root = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(type, root.GetProperty("type").GetString());
        return root.GetProperty(type.ToLowerInvariant());
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    public void Dispose() => _http.Dispose();
}
