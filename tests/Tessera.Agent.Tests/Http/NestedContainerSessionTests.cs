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

    private static string LaunchWith(string parent, string id, IReadOnlyDictionary<string, string> environment, params string[] argv) => MesosJson.Serialize(new AgentCall
    {
        Type = AgentCallType.LAUNCH_NESTED_CONTAINER_SESSION,
        LaunchNestedContainerSession = new LaunchNestedContainerSessionCall
        {
            ContainerId = new ContainerID { Value = id, Parent = ContainerID.Of(parent) },
            Command = new CommandInfo
            {
                Shell = false,
                Value = argv[0],
                Arguments = argv,
                Environment = new CommandEnvironment { Variables = [.. environment.Select(kv => new EnvironmentVariable { Name = kv.Key, Value = kv.Value })] },
            },
        },
    });

    /// <summary>A task running <c>sleep</c> as nobody: its sandbox and container id.</summary>
    private static async Task<(string Sandbox, string Parent)> StartTaskAsync(AgentFixture fixture, TaskLauncher launcher, string command = "exec sleep 4321")
    {
        Assert.True(fixture.Agent.Isolation.Contains("pid", StringComparison.Ordinal), $"needs root and namespaces; got {fixture.Agent.Isolation}");
        var task = Calls.Task("web", fixture.Agent.AgentId!, command: command);
        await launcher.LaunchAsync(task with { Command = task.Command! with { User = "nobody" } });
        await launcher.UntilAsync("web", TaskState.TASK_RUNNING);
        var sandbox = await launcher.SandboxAsync("web");
        return (sandbox, Path.GetFileName(sandbox));
    }

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

    [Fact]
    public async Task ACallersPathAndLdPreloadNeverReachTheRootHelpersButTheCommandSeesThem()
    {
        await using var fixture = await AgentFixture.StartAsync();
        await using var launcher = await TaskLauncher.StartAsync(fixture);
        var (sandbox, parent) = await StartTaskAsync(fixture, launcher);
        var probe = await Containerizer.RootProbe.CreateAsync(Path.Combine(sandbox, "probe"));
        using var client = new AgentClient(fixture.Agent.Address);

        var environment = new Dictionary<string, string>(probe.Environment) { ["FOO"] = "bar baz" };
        var (status, stdout, stderr, error) = await SessionAsync(client, LaunchWith(parent, "env", environment,
            "/bin/sh", "-c", "echo \"user=$(id -u) foo=$FOO path=$PATH preload=$LD_PRELOAD\""));
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {error}");
        // Neither the launcher's execvp nor root's nsenter took the caller's PATH or LD_PRELOAD...
        Assert.Empty(probe.Tripped);
        // ...and the command, as the task's user, has them all.
        Assert.Equal($"user=65534 foo=bar baz path={probe.Environment["PATH"]} preload={probe.Library}\n", stdout);
        Assert.Equal("", stderr);

        // A program whose name has '=' is not taken for a variable by env(1).
        var odd = Path.Combine(sandbox, "probe", "a=b");
        await File.WriteAllTextAsync(odd, "#!/bin/sh\necho odd \"$@\"\n");
        Containerizer.RootProbe.MakeExecutable(odd);
        var oddRun = await SessionAsync(client, Launch(parent, "odd", odd, "x y"));
        Assert.True(oddRun.Status == HttpStatusCode.OK, oddRun.Body);
        Assert.Equal("odd x y\n", oddRun.Out);
    }

    [Fact]
    public async Task WhatASessionLeftInTheBackgroundIsKilledWhenItsCommandExits()
    {
        await using var fixture = await AgentFixture.StartAsync();
        await using var launcher = await TaskLauncher.StartAsync(fixture);
        var (_, parent) = await StartTaskAsync(fixture, launcher);
        using var client = new AgentClient(fixture.Agent.Address);

        var (status, stdout, _, error) = await SessionAsync(client, Launch(parent, "bg", "/bin/sh", "-c", "sleep 317 >/dev/null 2>&1 & echo started"));
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {error}");
        Assert.Equal("started\n", stdout);
        // The launcher kills the session's group before it exits, and the stream ends after that.
        for (var i = 0; i < 30 && Sleepers("317").Count > 0; i++) await Task.Delay(100);
        Assert.Empty(Sleepers("317"));
        // The task itself is untouched.
        Assert.Single(Sleepers("4321"));
    }

    [Fact]
    public async Task SessionsWhoseCallerWentAwayAreEndedAndCounted()
    {
        await using var fixture = await AgentFixture.StartAsync();
        await using var launcher = await TaskLauncher.StartAsync(fixture);
        var (_, parent) = await StartTaskAsync(fixture, launcher);
        var rt = fixture.Agent.Runtime;
        using var client = new AgentClient(fixture.Agent.Address);
        // Warm: the calls below must reach the endpoint within the delay before their caller goes.
        Assert.Equal(HttpStatusCode.OK, (await SessionAsync(client, Launch(parent, "warm", "true"))).Status);

        for (var i = 0; i < 3; i++)
        {
            // The loop is busy while the caller disconnects: it registers the session only after.
            using var gate = new ManualResetEventSlim();
            rt.Post(_ => gate.Wait(TimeSpan.FromSeconds(30)));
            using var http = new HttpClient { BaseAddress = fixture.Agent.Address };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1") { Content = new StringContent(Launch(parent, $"gone{i}", "sleep", "30"), Encoding.UTF8, "application/json") };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/recordio"));
            request.Headers.Add("Message-Accept", "application/json");
            using var cancel = new CancellationTokenSource();
            var send = http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            await Task.Delay(1000);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
            http.CancelPendingRequests();
            await Task.Delay(700);
            gate.Set();
        }

        // Every one of them ended: nothing is counted as open and a WAIT answers.
        var open = -1;
        for (var i = 0; i < 50 && (open = await rt.AskAsync(r => r.Nested.OpenCount)) != 0; i++) await Task.Delay(100);
        Assert.Equal(0, open);
        for (var i = 0; i < 3; i++)
        {
            var wait = await client.PostAsync(Wait(parent, $"gone{i}")).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(wait.Status == HttpStatusCode.OK, wait.Body);
            Assert.Equal("TASK_KILLED", JsonDocument.Parse(wait.Body).RootElement.GetProperty("wait_nested_container").GetProperty("state").GetString());
        }
        var after = await SessionAsync(client, Launch(parent, "after", "/bin/echo", "still here"));
        Assert.True(after.Status == HttpStatusCode.OK, after.Body);
        Assert.Equal("still here\n", after.Out);
        Assert.Equal(0, await rt.AskAsync(r => r.Nested.OpenCount));
    }

    /// <summary>Pids of <c>sleep &lt;seconds&gt;</c> processes on the host (the container's are visible from here).</summary>
    private static List<int> Sleepers(string seconds) =>
        [.. Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(p => p!.All(char.IsAsciiDigit)).Select(p => int.Parse(p!, System.Globalization.CultureInfo.InvariantCulture))
            .Where(pid =>
            {
                try { return File.ReadAllText($"/proc/{pid}/cmdline") == $"sleep\0{seconds}\0"; }
                catch (IOException) { return false; }
            })];
}
