using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tessera.Jobs.Config;

/// <summary>
/// Checks a resolved job: the reader's type, required and unknown-field checks, then Aurora's rules
/// (identifiers, environment, process names, ordering, resources, update and health settings,
/// cron, constraints). Pure; every problem is a <see cref="ConfigError"/>.
/// </summary>
public static partial class ConfigValidator
{
    [GeneratedRegex(@"^[^./][^/]*$")]
    private static partial Regex ProcessName();

    [GeneratedRegex(@"^(prod|devel|test|staging\d*)$")]
    private static partial Regex Environment();

    /// <summary>Reads and checks one resolved job.</summary>
    public static (JobConfig Job, SourceMap Sources, ImmutableArray<ConfigError> Errors) Validate(JsonObject job, SourceLocation? fallback)
    {
        var errors = ImmutableArray.CreateBuilder<ConfigError>();
        var (config, sources) = JobConfigReader.Read(job, fallback, errors);
        var broken = errors.Select(e => e.Field).ToHashSet();
        errors.AddRange(Check(config, sources).Where(e => !broken.Contains(e.Field)));
        return (config, sources, errors.ToImmutable());
    }

    /// <summary>Aurora's rules on a job.</summary>
    public static ImmutableArray<ConfigError> Check(JobConfig job, SourceMap sources)
    {
        var errors = ImmutableArray.CreateBuilder<ConfigError>();
        void Fail(string field, string rule, string message) => errors.Add(ConfigError.At(sources.Locate(field), field, rule, message));

        foreach (var (field, value) in new[] { ("cluster", job.Cluster), ("role", job.Role), ("environment", job.Environment), ("name", job.Name) })
        {
            if (value.Length > 0 && JobKey.PartError(field, value) is { } problem)
                Fail(field, "identifier", problem);
        }
        if (job.Environment.Length > 0 && !Environment().IsMatch(job.Environment))
            Fail("environment", "environment", $"environment '{job.Environment}' must match ^(prod|devel|test|staging\\d*)$");
        if (job.Instances <= 0)
            Fail("instances", "positive", $"instances must be > 0, got {job.Instances}");
        if (job.MaxTaskFailures < -1)
            Fail("max_task_failures", "range", $"max_task_failures must be -1 (unlimited) or >= 0, got {job.MaxTaskFailures}");
        if (job.Priority < 0)
            Fail("priority", "range", $"priority must be >= 0, got {job.Priority}");
        CheckCron(job, Fail);
        CheckConstraints(job, Fail);
        CheckTask(job.Task, Fail);
        CheckUpdate(job, Fail);
        CheckHealth(job.HealthCheck ?? HealthCheckConfig.Default, Fail);
        AnnouncerPorts.Roots(job.Announce?.Portmap, out var cycle);
        if (cycle is not null)
            Fail($"announce.portmap[{cycle}]", "portmap",
                $"'{cycle}' leads back to itself through the portmap (a cycle)");
        return errors.ToImmutable();
    }

    private static void CheckCron(JobConfig job, Action<string, string, string> fail)
    {
        if (job.CronSchedule is { } cron)
        {
            if (job.Service)
                fail("cron_schedule", "cron-service", "a service cannot be a cron job: drop cron_schedule or service=True");
            var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 5 || cron.StartsWith('@'))
                fail("cron_schedule", "cron", $"cron_schedule '{cron}' must have 5 fields (minute hour day-of-month month day-of-week); @ macros are not supported");
        }
        if (job.CronCollisionPolicy == "RUN_OVERLAP")
            fail("cron_collision_policy", "cron-collision", "cron_collision_policy RUN_OVERLAP is not supported (Aurora rejects it): use KILL_EXISTING or CANCEL_NEW");
    }

    private static void CheckConstraints(JobConfig job, Action<string, string, string> fail)
    {
        foreach (var (attribute, value) in job.Constraints ?? ValueMap.Empty)
        {
            var field = $"constraints[{attribute}]";
            if (value.StartsWith("limit:", StringComparison.Ordinal))
            {
                if (!int.TryParse(value["limit:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit <= 0)
                    fail(field, "constraint", $"'{attribute}': '{value}' must be limit:N with N > 0");
            }
            else if (value.TrimStart('!').Split(',').Any(v => v.Trim().Length == 0))
            {
                fail(field, "constraint", $"'{attribute}': '{value}' has an empty value");
            }
            if (attribute == "dedicated")
            {
                var slash = value.IndexOf('/', StringComparison.Ordinal);
                var prefix = slash < 0 ? "" : value[..slash];
                if (value.Contains(',', StringComparison.Ordinal) || value.StartsWith('!') || slash <= 0 || (prefix != job.Role && prefix != "*"))
                    fail(field, "dedicated", $"dedicated '{value}' must be a single value ROLE/NAME whose role is the job's role ('{job.Role}') or '*'");
            }
        }
    }

    private static void CheckTask(TaskConfig task, Action<string, string, string> fail)
    {
        if (task.Processes.Count == 0)
            fail("task.processes", "required", "a task needs at least one process");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < task.Processes.Count; i++)
        {
            var process = task.Processes[i];
            var path = $"task.processes[{i}]";
            if (process.Name.Length > 0 && !ProcessName().IsMatch(process.Name))
                fail($"{path}.name", "process-name", $"process name '{process.Name}' must match ^[^./][^/]*$ (no '/', not starting with '.')");
            if (process.Name.Length > 0 && !names.Add(process.Name))
                fail($"{path}.name", "unique-process", $"process name '{process.Name}' is used twice in task '{task.Name}'");
            if (process.MaxFailures < 0)
                fail($"{path}.max_failures", "range", $"max_failures must be >= 0 (0 = retry forever), got {process.MaxFailures}");
            if (process.MinDuration < 0)
                fail($"{path}.min_duration", "range", $"min_duration must be >= 0, got {process.MinDuration}");
        }
        for (var i = 0; i < task.Constraints.Count; i++)
        {
            foreach (var name in task.Constraints[i].Order.Where(n => !names.Contains(n)))
                fail($"task.constraints[{i}].order", "order", $"order refers to '{name}', which is not a process of the task (processes: {string.Join(", ", names)})");
        }
        if (task.Name.Length == 0 && task.Processes.Count > 0)
            fail("task.name", "required", "the task has no name");
        if (task.MaxFailures < 0)
            fail("task.max_failures", "range", $"max_failures must be >= 0, got {task.MaxFailures}");
        if (task.MaxConcurrency < 0)
            fail("task.max_concurrency", "range", $"max_concurrency must be >= 0 (0 = unlimited), got {task.MaxConcurrency}");
        if (task.FinalizationWait < 0)
            fail("task.finalization_wait", "range", $"finalization_wait must be >= 0, got {task.FinalizationWait}");
        var r = task.Resources;
        if (r.Cpu <= 0)
            fail("task.resources.cpu", "resources", $"cpu must be > 0, got {r.Cpu.ToString(CultureInfo.InvariantCulture)}");
        if (r.RamMb <= 0)
            fail("task.resources.ram", "resources", $"ram must be at least 1 MB (bytes; use ram=512*MB), got {r.Ram}");
        if (r.DiskMb <= 0)
            fail("task.resources.disk", "resources", $"disk must be at least 1 MB (bytes; use disk=1*GB), got {r.Disk}");
        if (r.Gpu < 0)
            fail("task.resources.gpu", "resources", $"gpu must be >= 0, got {r.Gpu}");
    }

    private static void CheckUpdate(JobConfig job, Action<string, string, string> fail)
    {
        var u = job.UpdateConfig ?? UpdateConfig.Default;
        if (u.BatchSize <= 0)
            fail("update_config.batch_size", "update", $"batch_size must be > 0, got {u.BatchSize}");
        if (u.WatchSecs < 0)
            fail("update_config.watch_secs", "update", $"watch_secs must be >= 0, got {u.WatchSecs}");
        if (u.PulseIntervalSecs is { } pulse && pulse < 60)
            fail("update_config.pulse_interval_secs", "update", $"pulse_interval_secs must be at least 60, got {pulse}");
        if (u.MaxPerShardFailures < 0)
            fail("update_config.max_per_shard_failures", "update", $"max_per_shard_failures must be >= 0, got {u.MaxPerShardFailures}");
        if (u.MaxTotalFailures < 0 || u.MaxTotalFailures >= job.Instances)
            fail("update_config.max_total_failures", "update", $"max_total_failures must be >= 0 and less than instances ({job.Instances}), got {u.MaxTotalFailures}");
        if (u.UpdateStrategy is { } strategy)
        {
            if (u.BatchSize > 1 || u.WaitForBatchCompletion)
                fail("update_config.update_strategy", "update", "batch_size > 1 or wait_for_batch_completion cannot be combined with an explicit update_strategy: set the batch size in the strategy");
            if (strategy.Kind == UpdateStrategyKind.VariableBatch)
            {
                if (strategy.BatchSizes is not { Count: > 0 } sizes || sizes.Any(s => s <= 0))
                    fail("update_config.update_strategy.batch_sizes", "update", "batch_sizes must be a non-empty list of sizes > 0");
            }
            else if (strategy.BatchSize <= 0)
            {
                fail("update_config.update_strategy.batch_size", "update", $"batch_size must be > 0, got {strategy.BatchSize}");
            }
        }
    }

    private static void CheckHealth(HealthCheckConfig h, Action<string, string, string> fail)
    {
        if (h.IntervalSecs <= 0)
            fail("health_check_config.interval_secs", "health", $"interval_secs must be > 0, got {h.IntervalSecs.ToString(CultureInfo.InvariantCulture)}");
        if (h.TimeoutSecs <= 0)
            fail("health_check_config.timeout_secs", "health", $"timeout_secs must be > 0, got {h.TimeoutSecs.ToString(CultureInfo.InvariantCulture)}");
        if (h.InitialIntervalSecs < 0)
            fail("health_check_config.initial_interval_secs", "health", "initial_interval_secs must be >= 0");
        if (h.MaxConsecutiveFailures < 0)
            fail("health_check_config.max_consecutive_failures", "health", "max_consecutive_failures must be >= 0");
        if (h.MinConsecutiveSuccesses <= 0)
            fail("health_check_config.min_consecutive_successes", "health", "min_consecutive_successes must be > 0");
    }
}
