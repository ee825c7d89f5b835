using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Tessera.Agent.Health;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Tests.Health;

/// <summary>The checkers against real sockets and processes on this machine.</summary>
public sealed class HealthCheckerTests
{
    private static async Task<LocalHttpServer> ServerAsync() => await LocalHttpServer.StartAsync(async context =>
    {
        switch (context.Request.Path.Value)
        {
            case "/ok": context.Response.StatusCode = 200; break;
            case "/moved": context.Response.Redirect("/ok"); break;
            case "/broken": context.Response.StatusCode = 500; break;
            case "/slow": await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted); break;
            default: context.Response.StatusCode = 404; break;
        }
    });

    private static async Task<HealthResult> HttpAsync(LocalHttpServer server, string path, IReadOnlyList<uint>? statuses = null, TimeSpan? timeout = null)
    {
        using var http = HttpChecker.CreateClient();
        var checker = new HttpChecker(http, HttpChecker.UrlFor(null, false, (uint)server.Address.Port, path), statuses);
        return await HealthCheckLoop.CheckOnceAsync(checker, timeout ?? TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None);
    }

    [Theory]
    [InlineData("/ok", true)]
    [InlineData("/moved", true)]
    [InlineData("/broken", false)]
    [InlineData("/missing", false)]
    public async Task HttpIsHealthyOn2xxAnd3xxOnly(string path, bool healthy)
    {
        await using var server = await ServerAsync();
        var result = await HttpAsync(server, path);
        Assert.Equal(healthy, result.Healthy);
        Assert.Contains($"127.0.0.1:{server.Address.Port}{path}", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpHonoursListedStatuses()
    {
        await using var server = await ServerAsync();
        Assert.True((await HttpAsync(server, "/missing", statuses: [404])).Healthy);
        Assert.False((await HttpAsync(server, "/ok", statuses: [204])).Healthy);
    }

    [Fact]
    public async Task HttpThatDoesNotAnswerInTimeFails()
    {
        await using var server = await ServerAsync();
        var result = await HttpAsync(server, "/slow", timeout: TimeSpan.FromMilliseconds(300));
        Assert.False(result.Healthy);
        Assert.StartsWith("timed out after 0.3 s", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpUrlIsLoopbackWithThePath()
    {
        Assert.Equal("http://127.0.0.1:8080/health", HttpChecker.UrlFor(null, false, 8080, "/health").ToString());
        Assert.Equal("https://[::1]:8443/x", HttpChecker.UrlFor("https", true, 8443, "x").ToString());
        Assert.Equal("http://127.0.0.1:8000/", HttpChecker.UrlFor("http", false, 8000, null).ToString());
    }

    [Fact]
    public async Task TcpIsHealthyWhenTheConnectSucceeds()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = (uint)((IPEndPoint)listener.LocalEndpoint).Port;
        Assert.True((await new TcpChecker(false, port).CheckAsync(CancellationToken.None)).Healthy);
        listener.Stop();
        var refused = await new TcpChecker(false, port).CheckAsync(CancellationToken.None);
        Assert.False(refused.Healthy);
        Assert.Contains("127.0.0.1:" + port, refused.Message, StringComparison.Ordinal);
    }

    private static CheckCommandRequest Command(string script, string sandbox) => new(
        new CommandInfo { Value = script, Environment = new CommandEnvironment { Variables = [new EnvironmentVariable { Name = "CHECK_VAR", Value = "from-check" }] } },
        new Dictionary<string, string> { ["MESOS_TASK_ID"] = "t1" }, sandbox, null);

    [Fact]
    public async Task CommandRunsInTheSandboxWithTheTaskEnvironment()
    {
        var sandbox = Directory.CreateTempSubdirectory("tessera-check-").FullName;
        try
        {
            var checker = new CommandChecker(new HostCheckCommandRunner(), Command("test \"$MESOS_TASK_ID/$CHECK_VAR\" = t1/from-check && test \"$PWD\" = \"" + sandbox + "\"", sandbox));
            Assert.True((await checker.CheckAsync(CancellationToken.None)).Healthy);
            var failing = new CommandChecker(new HostCheckCommandRunner(), Command("echo broken >&2; exit 3", sandbox));
            var result = await failing.CheckAsync(CancellationToken.None);
            Assert.Equal((false, "command exited with status 3: broken"), (result.Healthy, result.Message));
        }
        finally
        {
            Directory.Delete(sandbox, true);
        }
    }

    [Fact]
    public async Task ACommandPastItsTimeoutIsKilledAndFails()
    {
        var sandbox = Directory.CreateTempSubdirectory("tessera-check-").FullName;
        try
        {
            var marker = Path.Combine(sandbox, "survived");
            var checker = new CommandChecker(new HostCheckCommandRunner(), Command($"sleep 2; touch {marker}", sandbox));
            var result = await HealthCheckLoop.CheckOnceAsync(checker, TimeSpan.FromMilliseconds(300), TimeProvider.System, CancellationToken.None);
            Assert.False(result.Healthy);
            Assert.StartsWith("timed out after 0.3 s", result.Message, StringComparison.Ordinal);
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            Assert.False(File.Exists(marker), "the timed-out check command kept running");
        }
        finally
        {
            Directory.Delete(sandbox, true);
        }
    }
}
