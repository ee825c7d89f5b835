using System.Collections.Immutable;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Cli.Tests.Dev;
using Tessera.Jobs;
using Tessera.Jobs.Api;
using Tessera.Jobs.Scheduling;

namespace Tessera.Cli.Tests.Jobs;

/// <summary>
/// An agent killed with SIGKILL, all real processes (`tessera master`, two `tessera agent`s,
/// `tessera jobs`): the master stops hearing from it, its task goes PARTITIONED, the partition
/// policy gives it up (LOST) and the instance comes back on the other agent. When the killed agent
/// is started again its old task is still alive; the scheduler finds it by reconciliation and kills it,
/// so the instance does not run twice.
/// </summary>
public sealed class AgentLossEndToEndTests
{
    [Fact]
    public async Task TasksOfAKilledAgentArePartitionedThenRunElsewhereAndTheOldOneIsKilledWhenItReturns()
    {
        var data = Directory.CreateTempSubdirectory("tessera-agent-loss-").FullName;
        var port = TesseraProcess.FreePorts(4);
        string P(int offset) => (port + offset).ToString(CultureInfo.InvariantCulture);
        await using var master = TesseraProcess.Start("master", "--port", P(0), "--work-dir", Path.Combine(data, "master"),
            "--agent-ping-timeout", "1secs", "--max-agent-ping-timeouts", "2");
        await using var jobs = TesseraProcess.Start("jobs", "--master", $"127.0.0.1:{P(0)}", "--port", P(3), "--data-dir", Path.Combine(data, "jobs"),
            "--thermos-executor", "none", "--reconcile-interval", "1secs");
        var agents = new Dictionary<string, TesseraProcess> { ["h1"] = StartAgent(data, port, 1), ["h2"] = StartAgent(data, port, 2) };
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{P(3)}"), Timeout = TimeSpan.FromSeconds(10) };
            await EndToEnd.Until(async () => (await Agents(port)).Count == 2, "two agents registered");
            var job = Job();
            await EndToEnd.Until(async () =>
            {
                try
                {
                    using var created = await http.PostAsync("/api/jobs", JsonContent.Create(job, JobsApiJsonContext.Default.JobSpec));
                    if (!created.IsSuccessStatusCode) Assert.Fail("create: " + await created.Content.ReadAsStringAsync());
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, "the job created");
            var first = await InstanceAsync(http, job.Key, s => s.Status == ScheduleStatus.RUNNING, "instance 0 running");

            var lost = first.Hostname!;
            await agents[lost].KillHardAsync();

            var moved = await InstanceAsync(http, job.Key, s => s.Status == ScheduleStatus.RUNNING && s.TaskId != first.TaskId, "instance 0 running elsewhere");
            Assert.NotEqual(lost, moved.Hostname);
            var history = await http.GetFromJsonAsync($"/api/jobs/{job.Key}/tasks/0/history", JobsApiJsonContext.Default.TaskHistory);
            var old = Assert.Single(history!.Tasks, t => t.TaskId == first.TaskId);
            Assert.Equal(ScheduleStatus.LOST, old.Status);
            Assert.Contains(old.Events, e => e.Status == ScheduleStatus.PARTITIONED);
            Assert.Equal(first.TaskId, history.Tasks.Single(t => t.TaskId == moved.TaskId).AncestorId);

            // The old task's process outlived its agent (the launcher supervises it); bring the agent back.
            agents[lost] = StartAgent(data, port, lost == "h1" ? 1 : 2);
            await EndToEnd.Until(async () => await MasterTaskState(port, first.TaskId!) == "TASK_KILLED", $"the returned task {first.TaskId} killed");
            Assert.Equal(moved.TaskId, (await StatusAsync(http, job.Key)).InstanceStatuses[0].TaskId);
        }
        finally
        {
            foreach (var agent in agents.Values) await agent.DisposeAsync();
            // A failed run may leave the killed agent's task behind (its launcher was orphaned with the agent).
            using var pkill = System.Diagnostics.Process.Start("pkill", ["-9", "-f", $"tessera-launch .*{data}"]);
            await pkill.WaitForExitAsync();
        }
        await jobs.StopAsync(TimeSpan.FromSeconds(30));
        await master.StopAsync(TimeSpan.FromSeconds(30));
        Directory.Delete(data, recursive: true);
    }

    private static TesseraProcess StartAgent(string data, int port, int n) => TesseraProcess.Start("agent",
        "--master", $"127.0.0.1:{port}", "--work-dir", Path.Combine(data, $"agent{n}"), "--ip", $"127.0.0.{n + 1}", "--hostname", $"h{n}",
        "--port", (port + n).ToString(CultureInfo.InvariantCulture), "--resources", $"cpus:1;mem:256;disk:100;ports:[{19000 + n * 10}-{19005 + n * 10}]",
        "--recovery-timeout", "1mins");

    private static JobSpec Job()
    {
        var key = new JobKey("devcluster", "www-data", "test", "survivor");
        return new JobSpec(key, 1, new TaskSpec(key, 0, new TaskResources(0.1, 32, 1), [],
            ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal), IsService: true, Command: "sleep 600"));
    }

    private static async Task<JobStatus> StatusAsync(HttpClient http, JobKey key) =>
        (await http.GetFromJsonAsync($"/api/jobs/{key}", JobsApiJsonContext.Default.JobStatus))!;

    private static async Task<InstanceStatus> InstanceAsync(HttpClient http, JobKey key, Func<InstanceStatus, bool> done, string what)
    {
        InstanceStatus? found = null;
        await EndToEnd.Until(async () =>
        {
            found = (await StatusAsync(http, key)).InstanceStatuses[0];
            return done(found);
        }, what, () => found is null ? "" : JsonSerializer.Serialize(found, JobsApiJsonContext.Default.InstanceStatus));
        return found!;
    }

    private static async Task<List<string>> Agents(int port)
    {
        var state = await EndToEnd.Operator(port, """{"type":"GET_AGENTS"}""");
        return state?["get_agents"]?["agents"]?.AsArray().Select(a => a!["agent_info"]!["hostname"]!.GetValue<string>()).ToList() ?? [];
    }

    private static async Task<string?> MasterTaskState(int port, string taskId)
    {
        var tasks = (await EndToEnd.Operator(port, """{"type":"GET_TASKS"}"""))?["get_tasks"];
        return new[] { "tasks", "completed_tasks", "unreachable_tasks" }
            .SelectMany(list => tasks?[list]?.AsArray() ?? [])
            .FirstOrDefault(t => t!["task_id"]!["value"]!.GetValue<string>() == taskId)?["state"]?.GetValue<string>();
    }
}
