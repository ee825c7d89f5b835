using System.Net;
using Tessera.Agent.Tests.Harness;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Tests.Http;

/// <summary>The files API against a real command task launched through the master's Scheduler API.</summary>
public sealed class FilesEndpointsTests
{
    private static async Task<string> StdoutAsync(AgentClient client, string path, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var data = (await client.GetJsonAsync($"/files/read?path={Uri.EscapeDataString(path)}&offset=0")).GetProperty("data").GetString()!;
            if (data.Contains(expected, StringComparison.Ordinal) || DateTime.UtcNow > deadline) return data;
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task ReadsBrowsesAndDownloadsTheSandboxOfARunningTask()
    {
        await using var fixture = await AgentFixture.StartAsync();
        await using var launcher = await TaskLauncher.StartAsync(fixture);
        await launcher.LaunchAsync(("reader", "echo hello-sandbox; mkdir logs; echo deep > logs/app.log; sleep 60"));
        await launcher.UntilAsync("reader", TaskState.TASK_RUNNING);
        var sandbox = await launcher.SandboxAsync("reader");
        using var client = new AgentClient(fixture.Agent.Address);

        var stdout = Path.Combine(sandbox, "stdout");
        Assert.Equal("hello-sandbox\n", await StdoutAsync(client, stdout, "hello-sandbox\n"));

        // offset -1 (or absent): the size and no data; offset and length: that slice.
        var size = await client.GetJsonAsync($"/files/read?path={Uri.EscapeDataString(stdout)}&offset=-1");
        Assert.Equal("", size.GetProperty("data").GetString());
        Assert.Equal(14, size.GetProperty("offset").GetInt64());
        Assert.Equal(14, (await client.GetJsonAsync($"/files/read?path={Uri.EscapeDataString(stdout)}")).GetProperty("offset").GetInt64());
        var slice = await client.GetJsonAsync($"/files/read?path={Uri.EscapeDataString(stdout)}&offset=6&length=7");
        Assert.Equal(("sandbox", 6L), (slice.GetProperty("data").GetString(), slice.GetProperty("offset").GetInt64()));
        var past = await client.GetJsonAsync($"/files/read?path={Uri.EscapeDataString(stdout)}&offset=100");
        Assert.Equal(("", 14L), (past.GetProperty("data").GetString(), past.GetProperty("offset").GetInt64()));

        var listing = await client.GetJsonAsync($"/files/browse?path={Uri.EscapeDataString(sandbox)}");
        var entries = listing.EnumerateArray().ToDictionary(e => e.GetProperty("path").GetString()!);
        Assert.Contains(stdout, entries.Keys);
        Assert.Contains(Path.Combine(sandbox, "stderr"), entries.Keys);
        Assert.StartsWith("d", entries[Path.Combine(sandbox, "logs")].GetProperty("mode").GetString(), StringComparison.Ordinal);
        var file = entries[stdout];
        Assert.Matches("^-rw", file.GetProperty("mode").GetString());
        Assert.Equal(14, file.GetProperty("size").GetInt64());
        Assert.Equal(1, file.GetProperty("nlink").GetInt32());
        Assert.Equal(Environment.UserName, file.GetProperty("uid").GetString());
        Assert.False(string.IsNullOrEmpty(file.GetProperty("gid").GetString()));
        Assert.True(file.GetProperty("mtime").GetDouble() > 1_600_000_000);

        // The virtual path of Mesos: the latest run of the executor (the task id, for a command task).
        var virtualRun = $"/frameworks/{launcher.FrameworkId}/executors/reader/runs/latest";
        var virtualListing = await client.GetJsonAsync($"/files/browse?path={Uri.EscapeDataString(virtualRun)}");
        Assert.Contains(virtualRun + "/stdout", virtualListing.EnumerateArray().Select(e => e.GetProperty("path").GetString()));
        var deep = await client.GetJsonAsync($"/files/read?path={Uri.EscapeDataString(virtualRun + "/logs/app.log")}&offset=0");
        Assert.Equal("deep\n", deep.GetProperty("data").GetString());

        using var download = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/files/download?path={Uri.EscapeDataString(stdout)}"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("stdout", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("hello-sandbox\n", await download.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PathsOutsideTheSandboxesAreRefusedWithAReason()
    {
        await using var fixture = await AgentFixture.StartAsync();
        await using var launcher = await TaskLauncher.StartAsync(fixture);
        // The task itself plants a symlink to /etc in its sandbox.
        await launcher.LaunchAsync(("sneaky", "ln -s /etc escape; echo planted; sleep 60"));
        await launcher.UntilAsync("sneaky", TaskState.TASK_RUNNING);
        var sandbox = await launcher.SandboxAsync("sneaky");
        using var client = new AgentClient(fixture.Agent.Address);
        await StdoutAsync(client, Path.Combine(sandbox, "stdout"), "planted");

        async Task Refused(string query, HttpStatusCode status, string because)
        {
            var (code, body, type) = await client.GetAsync(query);
            Assert.True(code == status, $"{query} answered {(int)code}, expected {(int)status}: {body}");
            Assert.Equal("text/plain", type);
            Assert.Contains(because, body, StringComparison.Ordinal);
        }

        var escape = Uri.EscapeDataString(Path.Combine(sandbox, "escape", "passwd"));
        await Refused($"/files/read?path={escape}&offset=0", HttpStatusCode.Forbidden, "'path' must resolve inside");
        await Refused($"/files/download?path={escape}", HttpStatusCode.Forbidden, "'path' must resolve inside");
        await Refused($"/files/browse?path={Uri.EscapeDataString(Path.Combine(sandbox, "escape"))}", HttpStatusCode.Forbidden, "'path' must resolve inside");
        await Refused($"/files/read?path={Uri.EscapeDataString(sandbox + "/../../../../../../../../../../etc/passwd")}&offset=0", HttpStatusCode.Forbidden, "'..'");
        await Refused("/files/read?path=%2Fetc%2Fpasswd&offset=0", HttpStatusCode.Forbidden, "'path' must resolve inside");
        await Refused("/files/browse?path=%2F", HttpStatusCode.Forbidden, "'path' must resolve inside");
        await Refused($"/files/read?path={Uri.EscapeDataString(Path.Combine(sandbox, "nope"))}&offset=0", HttpStatusCode.NotFound, "does not exist");
        await Refused("/files/read?offset=0", HttpStatusCode.BadRequest, "'path' is required");
        await Refused("/files/browse?path=relative%2Fpath", HttpStatusCode.BadRequest, "'path' must be an absolute path");
        await Refused($"/files/read?path={Uri.EscapeDataString(Path.Combine(sandbox, "stdout"))}&offset=abc", HttpStatusCode.BadRequest, "'offset' must be an integer");
        await Refused($"/files/read?path={Uri.EscapeDataString(Path.Combine(sandbox, "stdout"))}&offset=0&length=-9", HttpStatusCode.BadRequest, "'length' must be -1");
        await Refused($"/files/read?path={Uri.EscapeDataString(sandbox)}&offset=0", HttpStatusCode.BadRequest, "is a directory");
        await Refused($"/files/browse?path={Uri.EscapeDataString($"/frameworks/{launcher.FrameworkId}/executors/nobody/runs/latest")}", HttpStatusCode.NotFound, "no run of executor 'nobody'");
    }
}
