using System.Collections.Immutable;
using System.Globalization;
using System.Net.Http.Json;
using Tessera.Cli.Tests.Dev;
using Tessera.Jobs;
using Tessera.Jobs.Api;
using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Updates;
using static Tessera.Cli.Tests.Jobs.EndToEnd;

namespace Tessera.Cli.Tests.Jobs;

/// <summary>
/// The scheduler killed with SIGKILL in the middle of an update, all real processes (`tessera
/// master`, `tessera agent`, `tessera jobs`): started again on the same data dir it resumes the
/// same update from where it was; every instance is updated exactly once and none is forgotten.
/// </summary>
public sealed class UpdateKillNineEndToEndTests
{
    private static readonly JobKey Key = new("devcluster", "www-data", "test", "phoenix");

    [Fact]
    public async Task AnUpdateResumesAfterTheSchedulerIsKilledAndNoInstanceIsUpdatedTwice()
    {
        var data = Directory.CreateTempSubdirectory("tessera-update-kill9-").FullName;
        var port = TesseraProcess.FreePorts(3);
        string P(int offset) => (port + offset).ToString(CultureInfo.InvariantCulture);
        TesseraProcess StartJobs() => TesseraProcess.Start("jobs", "--master", $"127.0.0.1:{P(0)}", "--port", P(2),
            "--data-dir", Path.Combine(data, "jobs"), "--thermos-executor", "none");
        await using var master = TesseraProcess.Start("master", "--port", P(0), "--work-dir",
            Path.Combine(data, "master"));
        await using var agent = TesseraProcess.Start("agent", "--master", $"127.0.0.1:{P(0)}", "--work-dir",
            Path.Combine(data, "agent"), "--port", P(1), "--resources", "cpus:2;mem:512;disk:100;ports:[19100-19110]");
        var jobs = StartJobs();
        using var http = new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{P(2)}"), Timeout = TimeSpan.FromSeconds(10),
        };
        try
        {
            await Until(() => PostAsync(http, "/api/jobs", JsonContent.Create(Job("sleep 600"),
                JobsApiJsonContext.Default.JobSpec)), "the job created");
            await Until(async () => (await StatusAsync(http)).InstanceStatuses
                .All(i => i.Status == ScheduleStatus.RUNNING), "4 instances running");
            var request = new UpdateStartRequest(Job("sleep 601"),
                new UpdateSettings(UpdateStrategy.Queue, [1], WatchSecs: 2));
            using var started = await http.PostAsJsonAsync($"/api/jobs/{Key}/update", request,
                JobsApiJsonContext.Default.UpdateStartRequest);
            Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
            var id = (await started.Content.ReadFromJsonAsync(JobsApiJsonContext.Default.UpdateStarted))!.UpdateId!;

            await Until(async () => (await InfoAsync(http)).Summary.Succeeded >= 1, "the first instance updated");
            await jobs.KillHardAsync();
            await jobs.DisposeAsync();
            jobs = StartJobs();

            await Until(async () => await TryInfoAsync(http) is { Summary.Status: var s } && !s.IsActive(),
                "the update ended");
            var info = await InfoAsync(http);
            Assert.Equal(id, info.Summary.Id);
            Assert.True(info.Summary.Status == UpdateStatus.ROLLED_FORWARD, System.Text.Json.JsonSerializer.Serialize(info,
                JobsApiJsonContext.Default.UpdateDetails));
            Assert.Equal([0, 1, 2, 3], info.InstanceEvents
                .Where(e => e.Action == InstanceAction.INSTANCE_UPDATED).Select(e => e.Instance));
            Assert.Equal([0, 1, 2, 3], info.InstanceEvents
                .Where(e => e.Action == InstanceAction.INSTANCE_UPDATING).Select(e => e.Instance));
            for (var instance = 0; instance < 4; instance++)
            {
                var history = await http.GetFromJsonAsync($"/api/jobs/{Key}/tasks/{instance}/history",
                    JobsApiJsonContext.Default.TaskHistory);
                Assert.Equal(2, history!.Tasks.Length);
                Assert.Single(history.Tasks, t => t.Status == ScheduleStatus.RUNNING);
            }
            await Until(async () => await RunningOnMaster(port) == 4, "4 tasks running on the master");
        }
        finally
        {
            await jobs.DisposeAsync();
        }
        await agent.StopAsync(TimeSpan.FromSeconds(30));
        await master.StopAsync(TimeSpan.FromSeconds(30));
        Directory.Delete(data, recursive: true);
    }

    private static JobSpec Job(string command) => new(Key, 4, new TaskSpec(Key, 0, new TaskResources(0.1, 32, 1), [],
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal),
        IsService: true, Command: command));

    private static async Task<bool> PostAsync(HttpClient http, string path, HttpContent body)
    {
        try
        {
            using var response = await http.PostAsync(path, body);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task<JobStatus> StatusAsync(HttpClient http) =>
        (await http.GetFromJsonAsync($"/api/jobs/{Key}", JobsApiJsonContext.Default.JobStatus))!;

    private static async Task<UpdateDetails> InfoAsync(HttpClient http) =>
        (await http.GetFromJsonAsync($"/api/jobs/{Key}/update", JobsApiJsonContext.Default.UpdateDetails))!;

    /// <summary>The update, or null while the restarted scheduler does not answer yet.</summary>
    private static async Task<UpdateDetails?> TryInfoAsync(HttpClient http)
    {
        try
        {
            return await InfoAsync(http);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<int> RunningOnMaster(int port)
    {
        var tasks = (await Operator(port, """{"type":"GET_TASKS"}"""))?["get_tasks"]?["tasks"]?.AsArray() ?? [];
        return tasks.Count(t => t!["state"]?.GetValue<string>() == "TASK_RUNNING");
    }
}
