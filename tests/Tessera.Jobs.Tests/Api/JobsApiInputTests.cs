using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tessera.Jobs.Tests.Host;

namespace Tessera.Jobs.Tests.Api;

/// <summary>
/// Regressions for reliability-probe findings 4 and 7 on the jobs API: every refusal is a 4xx with
/// one line naming the field and the rule (no 500 with an empty body, no JSON library text or class
/// names), strict JSON, an exact Content-Type, a bounded body, and specs that cannot run refused.
/// </summary>
public sealed class JobsApiInputTests(JobsApiInputTests.Cluster cluster) : IClassFixture<JobsApiInputTests.Cluster>
{
    /// <summary>One jobs scheduler for the class: refusals change nothing, so tests can share it.</summary>
    public sealed class Cluster : IAsyncLifetime
    {
        internal JobsCluster Jobs { get; private set; } = null!;

        public async Task InitializeAsync() => Jobs = await JobsCluster.StartAsync();

        public async Task DisposeAsync() => await Jobs.DisposeAsync();
    }

    private const string Key = """ "key":{"cluster":"devcluster","role":"www-data","environment":"prod","name":"input"} """;

    private static string Spec(string template) => $$"""{ {{Key}},"instances":1,"template":{{template}} }""";

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, byte[] body, string? contentType = "application/json")
    {
        using var http = new HttpClient();
        var content = new ByteArrayContent(body);
        if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var reply = await http.PostAsync(new Uri(cluster.Jobs.Api, path), content);
        return (reply.StatusCode, await reply.Content.ReadAsStringAsync());
    }

    private Task<(HttpStatusCode Status, string Body)> PostAsync(string path, string body, string? contentType = "application/json") =>
        PostAsync(path, Encoding.UTF8.GetBytes(body), contentType);

    [Theory]
    [InlineData("""{"a":1,"a":2}""", "a: the key 'a' appears more than once")]
    [InlineData("""{"x\ud800":1}""", "body: a property name holds an escape that is a lone UTF-16 surrogate")]
    [InlineData("""{"key":{"cluster":"c\udc00"}}""", "key.cluster: the string holds an escape that is a lone UTF-16 surrogate")]
    [InlineData("[null]", "body[0]: must be")]
    public async Task MalformedJsonIs400NamingWhere(string body, string expected)
    {
        var (status, text) = await PostAsync("/api/jobs", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(expected, text);
    }

    [Theory]
    [InlineData("""{"resources":"x","command":"true"}""", "template.resources: expected an object")]
    [InlineData("""{"resources":{"cpus":"lots","ram_mb":8,"disk_mb":1},"command":"true"}""", "template.resources.cpus: expected a number")]
    [InlineData("""{"resources":{"cpus":0.1,"ram_mb":8,"disk_mb":1},"command":"true","constraints":{"host":null}}""", "template.constraints.host: must be a string, not null")]
    [InlineData("""{"resources":{"cpus":0.1,"ram_mb":8,"disk_mb":1},"command":"true","ports":[null]}""", "template.ports[0]: must be a string, not null")]
    public async Task TypeErrorsNameTheFieldNotOurClasses(string template, string expected)
    {
        var (status, text) = await PostAsync("/api/jobs", Spec(template));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(expected, text);
        Assert.DoesNotContain("Tessera", text);
        Assert.DoesNotContain("LineNumber", text);
    }

    [Theory]
    [InlineData("1e308", "template.resources.cpus: must be a number from 0.001 to 1099511627776")]
    [InlineData("1e-320", "template.resources.cpus: must be a number from 0.001")]
    [InlineData("0.0004", "template.resources.cpus: must be a number from 0.001")]
    public async Task CpusOutsideMesosScalarRangeAreRefused(string cpus, string expected)
    {
        var (status, text) = await PostAsync("/api/jobs", Spec($$"""{"resources":{"cpus":{{cpus}},"ram_mb":8,"disk_mb":1},"command":"true"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(expected, text);
    }

    [Fact]
    public async Task AContactIsOneShortLine()
    {
        foreach (var contact in new[] { "\"a\\nb\"", $"\"{new string('a', 256)}\"" })
        {
            var (status, text) = await PostAsync("/api/jobs",
                Spec($$"""{"resources":{"cpus":0.1,"ram_mb":8,"disk_mb":1},"command":"true","contact":{{contact}}}"""));

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.StartsWith("template.contact: must be at most 255 characters without control characters", text);
        }
    }

    [Fact]
    public async Task ATaskTheExecutorCannotReadIsRefusedAtCreate()
    {
        var (status, text) = await PostAsync("/api/jobs", Spec("""{"resources":{"cpus":0.1,"ram_mb":8,"disk_mb":1},"task_json":"{\"name\":\"t\"}"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("template.task_json: processes: required", text);
    }

    [Fact]
    public async Task ATaskJsonAloneIsRefusedWithoutAProcessTreeExecutor()
    {
        var (status, text) = await PostAsync("/api/jobs",
            Spec("""{"resources":{"cpus":0.1,"ram_mb":8,"disk_mb":1},"task_json":"{\"name\":\"t\",\"processes\":[{\"name\":\"p\",\"cmdline\":\"true\"}]}"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("template.task_json: this scheduler runs no process-tree executor", text);
    }

    [Theory]
    [InlineData("text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/jsonx", HttpStatusCode.UnsupportedMediaType)]
    [InlineData(null, HttpStatusCode.BadRequest)]
    public async Task ABodyMustBeSentAsJson(string? contentType, HttpStatusCode expected)
    {
        var (status, text) = await PostAsync("/api/jobs", Spec("""{"resources":{"cpus":0.1,"ram_mb":8,"disk_mb":1},"command":"true"}"""), contentType);

        Assert.Equal(expected, status);
        Assert.StartsWith("Content-Type: ", text);
    }

    [Fact]
    public async Task AnEmptyOptionalBodyNeedsNoContentType()
    {
        var (status, text) = await PostAsync("/api/jobs/devcluster/www-data/prod/none/kill", "", contentType: null);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.StartsWith("key: no job", text);
    }

    [Fact]
    public async Task AChunkedBodyOverTheLimitIs413()
    {
        using var http = new HttpClient();
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"a\":\"" + new string('x', 2 * 1024 * 1024) + "\"}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(cluster.Jobs.Api, "/api/jobs")) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var reply = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.StatusCode);
        Assert.StartsWith("body: larger than 1048576 bytes", await reply.Content.ReadAsStringAsync());
    }
}
