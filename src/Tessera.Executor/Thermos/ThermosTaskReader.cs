using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tessera.Executor.Thermos;

/// <summary>
/// Reads the task JSON of <c>TaskInfo.data</c>: Aurora's field names, Aurora's defaults for absent
/// fields. Accepts the task itself or an Aurora job object with the task under <c>"task"</c>.
/// Unknown fields are ignored (the config loader may send more than the executor needs); wrong
/// types, missing required fields and broken ordering raise <see cref="ThermosConfigException"/>.
/// </summary>
public static partial class ThermosTaskReader
{
    /// <summary>
    /// The most processes one task may have (the scheduler checks a task's JSON on the request path).
    /// </summary>
    public const int MaxProcesses = 1000;

    /// <summary>Parses and validates <paramref name="json"/>.</summary>
    public static ThermosTask Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ThermosConfigException("$", "not JSON: " + ex.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ThermosConfigException("$", "expected an object");
            var health = ReadHealthCheck(root, "");
            var lifecycle = ReadLifecycle(root, "");
            var hasLifecycle = root.TryGetProperty("lifecycle", out _);
            var prefix = "";
            if (root.TryGetProperty("task", out var inner) && inner.ValueKind == JsonValueKind.Object)
            {
                root = inner;
                prefix = "task.";
            }

            var task = ReadTask(root, prefix) with
            {
                HealthCheck = health ?? (prefix.Length > 0 ? ReadHealthCheck(root, prefix) : null),
                Lifecycle = hasLifecycle || prefix.Length == 0 ? lifecycle : ReadLifecycle(root, prefix),
            };
            Validate(task, prefix);
            return task;
        }
    }

    private static ThermosTask ReadTask(JsonElement root, string prefix)
    {
        if (!root.TryGetProperty("processes", out var list) || list.ValueKind != JsonValueKind.Array)
            throw new ThermosConfigException(prefix + "processes", "required: a list of processes");
        if (list.GetArrayLength() > MaxProcesses)
            throw new ThermosConfigException(prefix + "processes",
                $"at most {MaxProcesses} processes, not {list.GetArrayLength()}");
        var processes = new List<ThermosProcess>();
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            processes.Add(ReadProcess(item, $"{prefix}processes[{i}]"));
            i++;
        }

        if (processes.Count == 0) throw new ThermosConfigException(prefix + "processes", "needs at least one process");

        var constraints = new List<IReadOnlyList<string>>();
        if (root.TryGetProperty("constraints", out var cs) && cs.ValueKind != JsonValueKind.Null)
        {
            if (cs.ValueKind != JsonValueKind.Array) throw new ThermosConfigException(prefix + "constraints", "expected a list");
            var c = 0;
            foreach (var constraint in cs.EnumerateArray())
            {
                var field = $"{prefix}constraints[{c}].order";
                if (constraint.ValueKind != JsonValueKind.Object || !constraint.TryGetProperty("order", out var order) || order.ValueKind != JsonValueKind.Array)
                    throw new ThermosConfigException(field, "required: a list of process names");
                constraints.Add([.. order.EnumerateArray().Select(n => n.ValueKind == JsonValueKind.String ? n.GetString()! : throw new ThermosConfigException(field, "expected process names (strings)"))]);
                c++;
            }
        }

        return new ThermosTask
        {
            Name = String(root, "name", prefix) ?? processes[0].Name,
            Processes = processes,
            Constraints = constraints,
            MaxFailures = Int(root, "max_failures", prefix) ?? 1,
            MaxConcurrency = Int(root, "max_concurrency", prefix) ?? 0,
            FinalizationWait = Seconds(root, "finalization_wait", prefix) ?? TimeSpan.FromSeconds(30),
            Resources = ReadResources(root, prefix),
        };
    }

    private static ThermosProcess ReadProcess(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object) throw new ThermosConfigException(path, "expected an object");
        var prefix = path + ".";
        return new ThermosProcess
        {
            Name = String(item, "name", prefix) ?? throw new ThermosConfigException(prefix + "name", "required"),
            Cmdline = String(item, "cmdline", prefix) ?? throw new ThermosConfigException(prefix + "cmdline", "required"),
            MaxFailures = Int(item, "max_failures", prefix) ?? 1,
            Daemon = Bool(item, "daemon", prefix) ?? false,
            Ephemeral = Bool(item, "ephemeral", prefix) ?? false,
            MinDuration = Seconds(item, "min_duration", prefix) ?? TimeSpan.FromSeconds(5),
            Final = Bool(item, "final", prefix) ?? false,
        };
    }

    private static ThermosResources? ReadResources(JsonElement root, string prefix)
    {
        if (!root.TryGetProperty("resources", out var r) || r.ValueKind == JsonValueKind.Null) return null;
        if (r.ValueKind != JsonValueKind.Object) throw new ThermosConfigException(prefix + "resources", "expected an object");
        var p = prefix + "resources.";
        return new ThermosResources(Number(r, "cpu", p) ?? 0, (long)(Number(r, "ram", p) ?? 0), (long)(Number(r, "disk", p) ?? 0), Int(r, "gpu", p) ?? 0);
    }

    private static void Validate(ThermosTask task, string prefix)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < task.Processes.Count; i++)
        {
            var p = task.Processes[i];
            var field = $"{prefix}processes[{i}]";
            if (!ProcessName().IsMatch(p.Name)) throw new ThermosConfigException(field + ".name", $"'{p.Name}' must match ^[^./][^/]*$");
            if (!names.Add(p.Name)) throw new ThermosConfigException(field + ".name", $"'{p.Name}' is used by two processes");
            if (p.MaxFailures < 0) throw new ThermosConfigException(field + ".max_failures", "must be ≥ 0 (0 = unlimited)");
            if (p.MinDuration < TimeSpan.Zero) throw new ThermosConfigException(field + ".min_duration", "must be ≥ 0");
        }

        if (task.MaxFailures < 0) throw new ThermosConfigException(prefix + "max_failures", "must be ≥ 0 (0 = unlimited)");
        if (task.MaxConcurrency < 0) throw new ThermosConfigException(prefix + "max_concurrency", "must be ≥ 0 (0 = unlimited)");
        if (task.FinalizationWait < TimeSpan.Zero) throw new ThermosConfigException(prefix + "finalization_wait", "must be ≥ 0");

        var byName = task.Processes.ToDictionary(p => p.Name, StringComparer.Ordinal);
        for (var c = 0; c < task.Constraints.Count; c++)
        {
            var field = $"{prefix}constraints[{c}].order";
            var order = task.Constraints[c];
            foreach (var name in order)
                if (!names.Contains(name)) throw new ThermosConfigException(field, $"names '{name}', which is not a process of the task");
            for (var k = 1; k < order.Count; k++)
            {
                var before = byName[order[k - 1]];
                var after = byName[order[k]];
                if (before.Final != after.Final) throw new ThermosConfigException(field, $"orders final and non-final processes ('{before.Name}', '{after.Name}'): they form separate graphs");
                if (before.Daemon) throw new ThermosConfigException(field, $"'{after.Name}' depends on the daemon '{before.Name}'");
                if (before.Ephemeral && !after.Ephemeral) throw new ThermosConfigException(field, $"the non-ephemeral '{after.Name}' depends on the ephemeral '{before.Name}'");
            }
        }

        if (ProcessGraph.Of(task).FindCycle() is { } cycle)
            throw new ThermosConfigException(prefix + "constraints", "the ordering has a cycle: " + string.Join(" → ", cycle));
    }

    private static JsonElement? Field(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? String(JsonElement obj, string name, string prefix) => Field(obj, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        _ => throw new ThermosConfigException(prefix + name, "expected a string"),
    };

    private static bool? Bool(JsonElement obj, string name, string prefix) => Field(obj, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw new ThermosConfigException(prefix + name, "expected true or false"),
    };

    private static int? Int(JsonElement obj, string name, string prefix) => Field(obj, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt32(out var n) => n,
        _ => throw new ThermosConfigException(prefix + name, "expected an integer"),
    };

    private static double? Number(JsonElement obj, string name, string prefix) => Field(obj, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v => v.GetDouble(),
        _ => throw new ThermosConfigException(prefix + name, "expected a number"),
    };

    private static TimeSpan? Seconds(JsonElement obj, string name, string prefix) =>
        Number(obj, name, prefix) is { } s ? TimeSpan.FromSeconds(s) : null;

    [GeneratedRegex("^[^./][^/]*$")]
    private static partial Regex ProcessName();
}
