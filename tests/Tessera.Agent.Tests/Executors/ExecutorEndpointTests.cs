using System.Net;
using System.Text;

namespace Tessera.Agent.Tests.Executors;

/// <summary>How <c>/api/v1/executor</c> refuses what it can't take, before and after looking at its executors.</summary>
public sealed class ExecutorEndpointTests
{
    private const string Subscribe = """{"type":"SUBSCRIBE","framework_id":{"value":"f1"},"executor_id":{"value":"e1"},"subscribe":{}}""";

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(AgentFixture fixture, string body, string? contentType = "application/json", string? accept = null)
    {
        using var http = new HttpClient { BaseAddress = fixture.Agent.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/executor") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RefusesWhatItCannotTake()
    {
        await using var fixture = await AgentFixture.StartAsync();
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await PostAsync(fixture, Subscribe, "application/x-protobuf")).Status);
        Assert.Equal(HttpStatusCode.NotAcceptable, (await PostAsync(fixture, Subscribe, accept: "application/x-protobuf")).Status);

        var noType = await PostAsync(fixture, """{"framework_id":{"value":"f1"},"executor_id":{"value":"e1"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, noType.Status);
        Assert.Contains("'type'", noType.Body);

        var noUuid = await PostAsync(fixture, """{"type":"UPDATE","framework_id":{"value":"f1"},"executor_id":{"value":"e1"},"update":{"status":{"task_id":{"value":"t"},"state":"TASK_RUNNING","source":"SOURCE_EXECUTOR"}}}""");
        Assert.Equal(HttpStatusCode.BadRequest, noUuid.Status);
        Assert.Contains("'update.status.uuid'", noUuid.Body);

        var noExecutor = await PostAsync(fixture, """{"type":"MESSAGE","framework_id":{"value":"f1"},"message":{"data":"aGk="}}""");
        Assert.Equal(HttpStatusCode.BadRequest, noExecutor.Status);
        Assert.Contains("executor_id", noExecutor.Body);

        var unknown = await PostAsync(fixture, Subscribe);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("'e1'", unknown.Body);
    }
}
