using System.Net;
using System.Text;
using System.Text.Json;
using Tessera.Master.Hosting;

namespace Tessera.Master.Tests.Operator;

/// <summary>A real master on 127.0.0.1, port 0, in a temp work dir, with an HttpClient and Operator API helpers.</summary>
internal sealed class OperatorTestMaster : IAsyncDisposable
{
    public const string AgentResources =
        """[{"name":"cpus","type":"SCALAR","scalar":{"value":4}},{"name":"mem","type":"SCALAR","scalar":{"value":1024}},""" +
        """{"name":"disk","type":"SCALAR","scalar":{"value":2048}},{"name":"ports","type":"RANGES","ranges":{"range":[{"begin":31000,"end":32000}]}}]""";

    private readonly bool _ownsDir;

    private OperatorTestMaster(MasterServer server, string workDir, bool ownsDir)
    {
        Server = server;
        WorkDir = workDir;
        _ownsDir = ownsDir;
        Http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public MasterServer Server { get; }
    public string WorkDir { get; }
    public HttpClient Http { get; }

    public static string NewWorkDir() => Directory.CreateTempSubdirectory("tessera-op-").FullName;

    public static async Task<OperatorTestMaster> StartAsync(string registry = "in_memory", string? workDir = null, TimeSpan? heartbeat = null)
    {
        var dir = workDir ?? NewWorkDir();
        var server = await MasterServer.StartAsync(new MasterOptions
        {
            WorkDir = dir,
            Port = 0,
            Hostname = "127.0.0.1",
            Registry = registry,
            AllocationInterval = TimeSpan.FromMilliseconds(50),
            HeartbeatInterval = heartbeat ?? TimeSpan.FromSeconds(5),
        });
        return new OperatorTestMaster(server, dir, ownsDir: workDir is null);
    }

    /// <summary>POSTs an Operator API call.</summary>
    public Task<HttpResponseMessage> PostAsync(string json) =>
        Http.PostAsync("/api/v1", new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>POSTs a call that must answer 200 with a body; returns the parsed body.</summary>
    public async Task<JsonElement> CallAsync(string json)
    {
        using var response = await PostAsync(json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{json} -> {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A call with no answer body: returns the status and the error text.</summary>
    public async Task<(HttpStatusCode Status, string Body)> WriteAsync(string json)
    {
        using var response = await PostAsync(json);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<JsonElement> QueryAsync(string type) => CallAsync($$$$"""{"type":"{{{{type}}}}"}""");

    /// <summary>Registers an agent through the real agent link; returns its id.</summary>
    public async Task<string> RegisterAgentAsync(string hostname = "h1", string? id = null)
    {
        var (status, body) = await TryRegisterAgentAsync(hostname, id);
        Assert.True(status == HttpStatusCode.OK, $"register -> {(int)status}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("agent_id").GetProperty("value").GetString()!;
    }

    public async Task<(HttpStatusCode Status, string Body)> TryRegisterAgentAsync(string hostname, string? id = null)
    {
        var idJson = id is null ? "" : $$$$""","id":{"value":"{{{{id}}}}"}""";
        var json = $$$$"""{"agent_info":{"hostname":"{{{{hostname}}}}","port":5051,"resources":{{{{AgentResources}}}}{{{{idJson}}}}}}""";
        using var response = await Http.PostAsync("/agent/v1/register", new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} -> {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Polls a GET endpoint (served from the published snapshot, which may lag a batch) until <paramref name="done"/>.</summary>
    public async Task<JsonElement> GetJsonUntilAsync(string path, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var json = await GetJsonAsync(path);
            if (done(json)) return json;
            if (DateTime.UtcNow > deadline) Assert.Fail($"GET {path} never satisfied the condition; last: {json}");
            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        if (_ownsDir)
        {
            try
            {
                Directory.Delete(WorkDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
