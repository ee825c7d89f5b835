using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Tessera.Core.Json;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Scheduler;

namespace Tessera.Benchmarks;

/// <summary>
/// What strict input costs on the Scheduler API's hot path: an ACCEPT of 10 tasks decoded by
/// <see cref="MesosJson"/> (the strict pass, then binding) against the strict pass alone and the
/// binding alone, side by side in one run.
/// </summary>
[MemoryDiagnoser]
public class JsonDecodeBenchmarks
{
    private static readonly byte[] Accept = Encoding.UTF8.GetBytes(
        """{"type":"ACCEPT","framework_id":{"value":"f-0001"},"accept":{"offer_ids":[{"value":"o-1"}],"operations":[{"type":"LAUNCH","launch":{"task_infos":[""" +
        string.Join(",", Enumerable.Range(0, 10).Select(i =>
            """{"name":"tN","task_id":{"value":"task-N"},"agent_id":{"value":"a-S0"},"resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":0.5},"allocation_info":{"role":"*"}},{"name":"mem","type":"SCALAR","scalar":{"value":128},"allocation_info":{"role":"*"}}],"command":{"shell":true,"value":"sleep 60","environment":{"variables":[{"name":"A","value":"b"}]}},"labels":{"labels":[{"key":"k","value":"v"}]}}""".Replace("N", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))) +
        """]}}],"filters":{"refuse_seconds":5}}}""");

    /// <summary>What every call pays: the strict pass and the binding.</summary>
    [Benchmark(Baseline = true)]
    public SchedulerCall Decode() => MesosJson.Deserialize<SchedulerCall>(Accept);

    [Benchmark]
    public JsonProblem? StrictPassOnly() => StrictJson.Check(Accept);

    [Benchmark]
    public SchedulerCall? BindingOnly() => JsonSerializer.Deserialize(Accept, MesosJsonContext.Default.SchedulerCall);
}
