using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tessera.Agent.Tests.Harness;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;
using Tessera.Core.Protocol.RecordIo;
using Tessera.Master.Tests.Scheduler;

namespace Tessera.Agent.Tests.Http;

/// <summary>
/// LAUNCH_NESTED_CONTAINER_SESSION and WAIT_NESTED_CONTAINER against a real isolated container:
/// the command runs in the task's namespaces and cgroups, as its user, in its sandbox.
/// </summary>
public sealed class NestedContainerSessionTests
{
    private static string Launch(string parent, string id, params string[] argv) => MesosJson.Serialize(new AgentCall
    {
        Type = AgentCallType.LAUNCH_NESTED_CONTAINER_SESSION,
        LaunchNestedContainerSession = new LaunchNestedContainerSessionCall
        {
            ContainerId = new ContainerID { Value = id, Parent = ContainerID.Of(parent) },
            Command = new CommandInfo { Shell = false, Value = argv[0], Arguments = argv },
        },
    });

    private static string Wait(string parent, string id) =>
        MesosJson.Serialize(new AgentCall
        {
            Type = AgentCallType.WAIT_NESTED_CONTAINER,
            WaitNestedContainer = new WaitNestedContainerCall { ContainerId = new ContainerID { Value = id, Parent = ContainerID.Of(parent) } },
        });

    /// <summary>Posts a session and reads its whole stream: (status, stdout, stderr, error body).</summary>
    private static async Task<(HttpStatusCode Status, string Out, string Err, string? Body)> SessionAsync(AgentClient client, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/recordio"));
        request.Headers.Add("Message-Accept", "application/json");
        using var reply = await client.SendAsync(request);
        if (reply.StatusCode != HttpStatusCode.OK) return (reply.StatusCode, "", "", await reply.Content.ReadAsStringAsync());
        Assert.Equal("application/recordio", reply.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/json", reply.Headers.GetValues("Message-Content-Type").Single());
        var decoder = new RecordIoDecoder();
        var (stdout, stderr) = (new MemoryStream(), new MemoryStream());
        foreach (var record in decoder.Feed(await reply.Content.ReadAsByteArrayAsync()))
        {
            var io = MesosJson.Deserialize<ProcessIO>(record);
            Assert.Equal(ProcessIOType.DATA, io.Type);
            (io.Data!.Type == ProcessIODataType.STDOUT ? stdout : stderr).Write(io.Data.Data!.Span);
        }
        Assert.True(decoder.IsAtRecordBoundary);
        return (reply.StatusCode, Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()), null);
    }

    private static async Task<string> OwnerAsync(string path)
    {
        var start = new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%u", path]) { RedirectStandardOutput = true };
        using var stat = System.Diagnostics.Process.Start(start)!;
        var owner = await stat.StandardOutput.ReadToEndAsync();
        await stat.WaitForExitAsync();
        return owner.Trim();
    }

    [Fact]
    public async Task ASessionRunsInTheTasksContainerAsItsUserAndItsExitStatusComesBack()
    {
        await using var fixture = await AgentFixture.StartAsync();
        Assert.True(fixture.Agent.Isolation.Contains("pid", StringComparison.Ordinal), $"needs root and namespaces; got {fixture.Agent.Isolation}");
        await using var launcher = await TaskLauncher.StartAsync(fixture);
        var task = Calls.Task("web", fixture.Agent.AgentId!, command: "echo task-marker > /tmp/marker; exec sleep 60");
        await launcher.LaunchAsync(task with { Command = task.Command! with { User = "nobody" } });
        await launcher.UntilAsync("web", TaskState.TASK_RUNNING);
        var sandbox = await launcher.SandboxAsync("web");
        var parent = Path.GetFileName(sandbox);
        using var client = new AgentClient(fixture.Agent.Address);
        // The task writes its /tmp marker right after it starts.
        for (var i = 0; i < 50 && !File.Exists(Path.Combine(sandbox, "tmp", "marker")); i++) await Task.Delay(100);

        const string Script = """
            echo "comm1=$(cat /proc/1/comm)"
            echo "user=$(id -un)"
            echo "cwd=$(pwd)"
            echo "sandbox=$MESOS_SANDBOX"
            echo "tmp=$(cat /tmp/marker)"
            echo "sleepers=$(pgrep -x sleep | wc -l)"
            grep -c "$PARENT" /proc/self/cgroup >/dev/null && echo in-cgroups
            echo nested > made-by-session
            echo "to stderr" >&2
            exit 3
            """;
        var body = Launch(parent, "s1", "/bin/sh", "-c", Script.Replace("$PARENT", parent, StringComparison.Ordinal));
        var (status, stdout, stderr, error) = await SessionAsync(client, body);
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {error}");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // pid 1 is the container's init (the launcher), the container's /tmp, its one sleep: the task's namespaces.
        Assert.Equal(["comm1=tessera-launch", "user=nobody", $"cwd={sandbox}", $"sandbox={sandbox}", "tmp=task-marker", "sleepers=1", "in-cgroups"], lines);
        Assert.Equal("to stderr\n", stderr);
        var made = Path.Combine(sandbox, "made-by-session");
        Assert.Equal("nested\n", await File.ReadAllTextAsync(made));
        Assert.Equal("65534", await OwnerAsync(made));

        var wait = await client.PostAsync(Wait(parent, "s1"));
        Assert.True(wait.Status == HttpStatusCode.OK, wait.Body);
        var result = JsonDocument.Parse(wait.Body).RootElement;
        Assert.Equal("WAIT_NESTED_CONTAINER", result.GetProperty("type").GetString());
        Assert.Equal(3 << 8, result.GetProperty("wait_nested_container").GetProperty("exit_status").GetInt32());

        // The same id again is a conflict; a signal comes back as the wait status of a signal.
        Assert.Equal(HttpStatusCode.Conflict, (await SessionAsync(client, body)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SessionAsync(client, Launch(parent, "s2", "/bin/sh", "-c", "kill -TERM $$"))).Status);
        var killed = JsonDocument.Parse((await client.PostAsync(Wait(parent, "s2"))).Body).RootElement;
        Assert.Equal(15, killed.GetProperty("wait_nested_container").GetProperty("exit_status").GetInt32());
    }

    [Fact]
    public async Task UnknownContainersBadIdsAndAnotherUserAreRefused()
    {
        await using var fixture = await AgentFixture.StartAsync();
        await using var launcher = await TaskLauncher.StartAsync(fixture);
        var task = Calls.Task("web", fixture.Agent.AgentId!, command: "exec sleep 60");
        await launcher.LaunchAsync(task with { Command = task.Command! with { User = "nobody" } });
        await launcher.UntilAsync("web", TaskState.TASK_RUNNING);
        var parent = Path.GetFileName(await launcher.SandboxAsync("web"));
        using var client = new AgentClient(fixture.Agent.Address);

        var unknown = await SessionAsync(client, Launch("no-such-container", "s1", "true"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("'container_id.parent'", unknown.Body, StringComparison.Ordinal);
        var waitUnknown = await client.PostAsync(Wait(parent, "never-launched"));
        Assert.Equal(HttpStatusCode.NotFound, waitUnknown.Status);
        Assert.Contains("'wait_nested_container.container_id'", waitUnknown.Body, StringComparison.Ordinal);

        var badId = await SessionAsync(client, Launch(parent, "../escape", "true"));
        Assert.Equal(HttpStatusCode.BadRequest, badId.Status);
        Assert.Contains("'launch_nested_container_session.container_id.value'", badId.Body, StringComparison.Ordinal);
        var noParent = await SessionAsync(client, """{"type":"LAUNCH_NESTED_CONTAINER_SESSION","launch_nested_container_session":{"container_id":{"value":"x"},"command":{"value":"true"}}}""");
        Assert.Equal(HttpStatusCode.BadRequest, noParent.Status);
        Assert.Contains("'launch_nested_container_session.container_id.parent' is required", noParent.Body, StringComparison.Ordinal);

        var asRoot = MesosJson.Serialize(new AgentCall
        {
            Type = AgentCallType.LAUNCH_NESTED_CONTAINER_SESSION,
            LaunchNestedContainerSession = new LaunchNestedContainerSessionCall
            {
                ContainerId = new ContainerID { Value = "root", Parent = ContainerID.Of(parent) },
                Command = new CommandInfo { Value = "id -u", User = "root" },
            },
        });
        var refused = await SessionAsync(client, asRoot);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("'launch_nested_container_session.command.user': 'root' is not the container's user", refused.Body, StringComparison.Ordinal);

        // A plain JSON Accept can't take the stream.
        using var jsonOnly = new HttpRequestMessage(HttpMethod.Post, "/api/v1") { Content = new StringContent(Launch(parent, "s9", "true"), Encoding.UTF8, "application/json") };
        jsonOnly.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var json = await client.SendAsync(jsonOnly);
        Assert.Equal(HttpStatusCode.NotAcceptable, json.StatusCode);
    }
}
