using System.Text;
using System.Text.Json;

namespace Tessera.Jobs.Config;

/// <summary>
/// A Thermos task: processes, ordering constraints, resources, max_failures (1), max_concurrency
/// (0 = unlimited), finalization_wait (30 s).
/// </summary>
public sealed record TaskConfig(
    string Name,
    ValueList<ProcessConfig> Processes,
    ValueList<ConstraintConfig> Constraints,
    ResourcesConfig Resources,
    int MaxFailures = 1,
    int MaxConcurrency = 0,
    int FinalizationWait = 30)
{
    /// <summary>
    /// The task as the process-tree executor receives it, with Aurora's field names:
    /// <c>name, processes[{name, cmdline, max_failures, daemon, ephemeral, min_duration, final}],
    /// constraints[{order}], max_failures, max_concurrency, finalization_wait,
    /// resources{cpu, ram, disk, gpu}</c> (ram and disk in bytes).
    /// </summary>
    public string ToExecutorJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("name", Name);
            json.WriteStartArray("processes");
            foreach (var process in Processes)
            {
                json.WriteStartObject();
                json.WriteString("name", process.Name);
                json.WriteString("cmdline", process.Cmdline);
                json.WriteNumber("max_failures", process.MaxFailures);
                json.WriteBoolean("daemon", process.Daemon);
                json.WriteBoolean("ephemeral", process.Ephemeral);
                json.WriteNumber("min_duration", process.MinDuration);
                json.WriteBoolean("final", process.Final);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("constraints");
            foreach (var constraint in Constraints)
            {
                json.WriteStartObject();
                json.WriteStartArray("order");
                foreach (var name in constraint.Order)
                    json.WriteStringValue(name);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("max_failures", MaxFailures);
            json.WriteNumber("max_concurrency", MaxConcurrency);
            json.WriteNumber("finalization_wait", FinalizationWait);
            json.WriteStartObject("resources");
            json.WriteNumber("cpu", Resources.Cpu);
            json.WriteNumber("ram", Resources.Ram);
            json.WriteNumber("disk", Resources.Disk);
            json.WriteNumber("gpu", Resources.Gpu);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
