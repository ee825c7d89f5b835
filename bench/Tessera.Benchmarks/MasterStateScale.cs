using System.Diagnostics;
using System.Text;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;
using Tessera.Core.Resources;
using Tessera.Master.Hosting;

namespace Tessera.Benchmarks;

/// <summary>
/// GET_STATE at scale: a master holding N agents with T tasks each (registered through the loop, as
/// re-registering agents would report them), then GET_STATE over HTTP, timed end to end (snapshot
/// build, JSON, transfer), median of several calls.
/// </summary>
public static class MasterStateScale
{
    public static async Task<int> Run(string[] args, TextWriter output)
    {
        var a = new BenchArgs(args);
        int agents = a.Int("--agents", 10_000), perAgent = a.Int("--tasks-per-agent", 10), calls = a.Int("--calls", 5);
        var workDir = Directory.CreateTempSubdirectory("tessera-bench-").FullName;
        await using var master = await MasterServer.StartAsync(new MasterOptions { WorkDir = workDir, Port = 0, Registry = "in_memory", AllocationInterval = TimeSpan.FromSeconds(30) });
        var framework = new FrameworkInfo { User = "bench", Name = "bench", Id = FrameworkID.Of("bench-framework") };
        var resources = ResourceWireForm.ToWire(ResourceSet.Parse("cpus:0.1;mem:32").AllocatedTo("*"));
        var setup = Stopwatch.StartNew();
        for (var i = 0; i < agents; i++)
        {
            var agentId = $"agent-{i:D6}";
            var registration = new AgentRegistration
            {
                AgentInfo = new AgentInfo { Hostname = $"host-{i:D6}", Port = 5051, Id = AgentID.Of(agentId), Resources = ResourceWireForm.ToWire(ResourceSet.Parse("cpus:2;mem:1024;disk:4096;ports:[31000-32000]")) },
                Frameworks = [framework],
                Tasks = [.. Enumerable.Range(0, perAgent).Select(t => new MesosTask
                {
                    Name = $"task-{i}-{t}", TaskId = TaskID.Of($"task-{i}-{t}"), FrameworkId = framework.Id!, AgentId = AgentID.Of(agentId),
                    State = TaskState.TASK_RUNNING, Resources = resources,
                })],
            };
            await master.Loop.AskAsync(rt => rt.Agents.Register(registration));
        }
        output.WriteLine($"# {Environment.ProcessorCount} cpus; {agents} agents, {agents * perAgent} tasks registered in {setup.Elapsed.TotalSeconds:F1} s");
        using var http = new HttpClient { BaseAddress = master.Address, Timeout = TimeSpan.FromMinutes(5) };
        var times = new List<double>();
        long bytes = 0;
        for (var c = 0; c < calls + 1; c++)
        {
            // Something changes between calls, as in a live cluster, so each call rebuilds the snapshot.
            await master.Loop.AskAsync(rt => { rt.Changed(); return true; });
            var watch = Stopwatch.StartNew();
            using var response = await http.PostAsync("/api/v1", new StringContent("""{"type":"GET_STATE"}""", Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET_STATE answered {(int)response.StatusCode}");
            var state = MesosJson.Deserialize<OperatorResponse>(body).GetState!;
            if (state.GetTasks!.Tasks!.Count != agents * perAgent) throw new InvalidOperationException("GET_STATE lost tasks");
            bytes = body.Length;
            if (c > 0) times.Add(watch.Elapsed.TotalMilliseconds);
            output.WriteLine($"  call {c}{(c == 0 ? " (warm-up)" : "")}: {watch.Elapsed.TotalMilliseconds:F0} ms, {body.Length / 1e6:F1} MB");
        }
        // Where the time goes: the snapshot build on the loop, then the JSON.
        await master.Loop.AskAsync(rt => { rt.Changed(); return true; });
        var build = Stopwatch.StartNew();
        var fresh = await master.Loop.AskAsync(rt => rt.Snapshots.Fresh());
        var buildMs = build.Elapsed.TotalMilliseconds;
        var json = Stopwatch.StartNew();
        var bytesOut = MesosJson.SerializeToUtf8Bytes(new OperatorResponse { Type = OperatorCallType.GET_STATE, GetState = fresh.State }).Length;
        output.WriteLine($"  parts: snapshot build {buildMs:F0} ms, JSON {json.Elapsed.TotalMilliseconds:F0} ms ({bytesOut / 1e6:F1} MB)");
        times.Sort();
        output.WriteLine($"get_state: agents={agents} tasks={agents * perAgent} bytes={bytes} ms={times[times.Count / 2]:F0}");
        Directory.Delete(workDir, true);
        return 0;
    }
}
