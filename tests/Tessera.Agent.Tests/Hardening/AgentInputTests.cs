using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tessera.Agent.Tests.Harness;

namespace Tessera.Agent.Tests.Hardening;

/// <summary>
/// Regressions for reliability-probe findings 3 and 7 on the agent's APIs: a <c>null</c> array
/// element (a 500 in the environment of a nested session), duplicate keys and a wrong Content-Type
/// are 4xx naming the field, on the Operator and Executor APIs alike.
/// </summary>
public sealed class AgentInputTests
{
    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(Uri agent, string path, string body, string? contentType = "application/json", string? accept = null)
    {
        using var http = new HttpClient { BaseAddress = agent };
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        using var reply = await http.SendAsync(request);
        return (reply.StatusCode, await reply.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ANullEnvironmentVariableOfASessionIs400NamingIt()
    {
        await using var fixture = await AgentFixture.StartAsync();

        var (status, body) = await PostAsync(fixture.Agent.Address, "/api/v1",
            """{"type":"LAUNCH_NESTED_CONTAINER_SESSION","launch_nested_container_session":{"container_id":{"value":"s","parent":{"value":"p"}},"command":{"value":"true","environment":{"variables":[null]}}}}""",
            accept: "application/recordio");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("launch_nested_container_session.command.environment.variables[0]: must be an object, not null", body);
    }

    [Theory]
    [InlineData("/api/v1", """{"type":"GET_HEALTH","type":"GET_STATE"}""", "type: the key 'type' appears more than once")]
    [InlineData("/api/v1/executor", """{"type":"HEARTBEAT","framework_id":{"value":"f"},"executor_id":{"value":"e","value":"x"}}""", "executor_id.value: the key 'value' appears more than once")]
    public async Task DuplicateKeysAre400(string path, string call, string expected)
    {
        await using var fixture = await AgentFixture.StartAsync();

        var (status, body) = await PostAsync(fixture.Agent.Address, path, call);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(expected, body);
    }

    [Theory]
    [InlineData("/api/v1", "application/jsonx", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("/api/v1/executor", "application/jsonx", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("/api/v1", null, HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/executor", null, HttpStatusCode.BadRequest)]
    public async Task ContentTypeMustBeJson(string path, string? contentType, HttpStatusCode expected)
    {
        await using var fixture = await AgentFixture.StartAsync();

        var (status, body) = await PostAsync(fixture.Agent.Address, path, """{"type":"GET_HEALTH"}""", contentType);

        Assert.Equal(expected, status);
        Assert.StartsWith("Content-Type: ", body);
    }
}
