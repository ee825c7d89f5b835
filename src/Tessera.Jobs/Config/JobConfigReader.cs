using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Tessera.Jobs.Config;

/// <summary>
/// Maps a resolved job's JSON (the prelude's output or <c>--read-json</c> input: Aurora's field
/// names, ram/disk in bytes) onto <see cref="JobConfig"/>, filling Aurora's defaults and collecting
/// type, required and unknown-field errors. Pure.
/// </summary>
internal static class JobConfigReader
{
    private static readonly string[] CronPolicies = ["KILL_EXISTING", "CANCEL_NEW", "RUN_OVERLAP"];
    private static readonly string[] Modes = ["RO", "RW"];

    public static (JobConfig Job, SourceMap Sources) Read(JsonObject job, SourceLocation? fallback, ImmutableArray<ConfigError>.Builder errors)
    {
        var sources = ImmutableDictionary.CreateBuilder<string, SourceLocation>();
        var r = new ObjectReader("Job", job, "", fallback, errors);
        Record(sources, r);
        var task = ReadTask(r.Nested("Task", "task", required: true), sources);
        var config = new JobConfig(
            Name: r.String("name") ?? task.Name,
            Role: r.String("role", required: true) ?? "",
            Cluster: r.String("cluster", required: true) ?? "",
            Environment: r.String("environment", required: true) ?? "",
            Task: task,
            Contact: r.String("contact"),
            Instances: r.Int("instances", 1),
            Announce: ReadAnnouncer(r.Nested("Announcer", "announce")),
            Tier: r.String("tier"),
            CronSchedule: r.String("cron_schedule"),
            CronCollisionPolicy: r.Enum("cron_collision_policy", CronPolicies, "KILL_EXISTING"),
            UpdateConfig: ReadUpdate(r.Nested("UpdateConfig", "update_config")),
            Constraints: r.Map("constraints"),
            Metadata: new(r.List("metadata").Select(e => r.Element("Metadata", e.Node, e.Path)).OfType<ObjectReader>().Select(ReadMetadata)),
            Service: r.Bool("service", r.DeclaredType == "Service"),
            MaxTaskFailures: r.Int("max_task_failures", 1),
            Production: r.Bool("production", false),
            Priority: r.Int("priority", 0),
            HealthCheck: ReadHealthCheck(r.Nested("HealthCheckConfig", "health_check_config")),
            Lifecycle: ReadLifecycle(r.Nested("LifecycleConfig", "lifecycle")),
            Executor: ReadExecutor(r.Nested("ExecutorConfig", "executor_config")),
            EnableHooks: r.Bool("enable_hooks", false),
            PartitionPolicy: ReadPartitionPolicy(r.Nested("PartitionPolicy", "partition_policy")),
            SlaPolicy: ReadSlaPolicy(r.Nested("SlaPolicy", "sla_policy")),
            Container: ReadContainer(r.Nested("Container", "container")));
        r.Finish();
        return (config, new SourceMap(sources.ToImmutable()));
    }

    private static void Record(ImmutableDictionary<string, SourceLocation>.Builder sources, ObjectReader r)
    {
        if (r.Location is { } location && !sources.ContainsKey(r.Path))
            sources[r.Path] = location;
    }

    private static TaskConfig ReadTask(ObjectReader? r, ImmutableDictionary<string, SourceLocation>.Builder sources)
    {
        if (r is null)
            return new TaskConfig("", ValueList<ProcessConfig>.Empty, ValueList<ConstraintConfig>.Empty, new ResourcesConfig(0, 0, 0));
        Record(sources, r);
        var processes = new List<ProcessConfig>();
        foreach (var (node, path) in r.List("processes", required: true))
        {
            if (r.Element("Process", node, path) is { } p)
            {
                Record(sources, p);
                processes.Add(ReadProcess(p));
            }
        }
        var constraints = new List<ConstraintConfig>();
        foreach (var (node, path) in r.List("constraints"))
        {
            if (r.Element("Constraint", node, path) is { } c)
            {
                Record(sources, c);
                constraints.Add(new ConstraintConfig(c.Strings("order", required: true)));
                c.Finish();
            }
        }
        var resources = r.Nested("Resources", "resources", required: true);
        if (resources is not null)
            Record(sources, resources);
        var task = new TaskConfig(
            Name: r.String("name") ?? (processes.Count > 0 ? processes[0].Name : ""),
            Processes: new(processes),
            Constraints: new(constraints),
            Resources: ReadResources(resources),
            MaxFailures: r.Int("max_failures", 1),
            MaxConcurrency: r.Int("max_concurrency", 0),
            FinalizationWait: r.Int("finalization_wait", 30));
        r.Finish();
        return task;
    }

    private static ResourcesConfig ReadResources(ObjectReader? r)
    {
        if (r is null)
            return new ResourcesConfig(0, 0, 0);
        var resources = new ResourcesConfig(
            r.Double("cpu", required: true) ?? 0,
            r.Long("ram", required: true) ?? 0,
            r.Long("disk", required: true) ?? 0,
            r.Int("gpu", 0));
        r.Finish();
        return resources;
    }

    private static ProcessConfig ReadProcess(ObjectReader r)
    {
        var process = new ProcessConfig(
            Name: r.String("name", required: true) ?? "",
            Cmdline: r.String("cmdline", required: true) ?? "",
            MaxFailures: r.Int("max_failures", 1),
            Daemon: r.Bool("daemon", false),
            Ephemeral: r.Bool("ephemeral", false),
            MinDuration: r.Int("min_duration", 5),
            Final: r.Bool("final", false),
            Logger: ReadLogger(r.Nested("Logger", "logger")));
        r.Finish();
        return process;
    }

    private static LoggerConfig ReadLogger(ObjectReader? r)
    {
        if (r is null)
            return LoggerConfig.Default;
        var rotate = r.Nested("RotatePolicy", "rotate");
        var policy = rotate is null ? RotatePolicyConfig.Default : new RotatePolicyConfig(rotate.Long("log_size") ?? 100 * ResourcesConfig.Megabyte, rotate.Int("backups", 5));
        rotate?.Finish();
        var logger = new LoggerConfig(r.Enum("destination", LoggerConfig.Destinations, "file"), r.Enum("mode", LoggerConfig.Modes, "standard"), policy);
        r.Finish();
        return logger;
    }

    private static AnnouncerConfig? ReadAnnouncer(ObjectReader? r)
    {
        if (r is null)
            return null;
        var primary = r.String("primary_port", "http");
        var portmap = r.Has("portmap") ? r.Map("portmap") : new ValueMap([new("aurora", primary)]);
        var announcer = new AnnouncerConfig(primary, portmap, r.String("zk_path"));
        r.Finish();
        return announcer;
    }

    private static UpdateConfig ReadUpdate(ObjectReader? r)
    {
        if (r is null)
            return UpdateConfig.Default;
        var strategy = r.Nested("UpdateStrategy", "update_strategy");
        var update = new UpdateConfig(
            BatchSize: r.Int("batch_size", 1),
            WatchSecs: r.Int("watch_secs", 45),
            MaxPerShardFailures: r.Int("max_per_shard_failures", 0),
            MaxTotalFailures: r.Int("max_total_failures", 0),
            RollbackOnFailure: r.Bool("rollback_on_failure", true),
            WaitForBatchCompletion: r.Bool("wait_for_batch_completion", false),
            PulseIntervalSecs: r.Int("pulse_interval_secs"),
            SlaAware: r.Bool("sla_aware", false),
            UpdateStrategy: strategy is null ? null : ReadStrategy(strategy));
        r.Finish();
        return update;
    }

    private static UpdateStrategyConfig ReadStrategy(ObjectReader r)
    {
        var kind = r.DeclaredType switch
        {
            "VariableBatchUpdateStrategy" => UpdateStrategyKind.VariableBatch,
            "BatchUpdateStrategy" => UpdateStrategyKind.Batch,
            "QueueUpdateStrategy" => UpdateStrategyKind.Queue,
            _ when r.Has("batch_sizes") => UpdateStrategyKind.VariableBatch,
            _ when r.Has("autopause_after_batch") => UpdateStrategyKind.Batch,
            _ => UpdateStrategyKind.Queue,
        };
        UpdateStrategyConfig strategy = kind switch
        {
            UpdateStrategyKind.VariableBatch => new(kind, 1, new(r.List("batch_sizes", required: true)
                .Select(e => e.Node is JsonValue v && v.TryGetValue<long>(out var n) && n is >= int.MinValue and <= int.MaxValue ? (int)n : int.MinValue)),
                r.Bool("autopause_after_batch", false)),
            UpdateStrategyKind.Batch => new(kind, r.Int("batch_size", 1), null, r.Bool("autopause_after_batch", false)),
            _ => new(kind, r.Int("batch_size", 1)),
        };
        if (strategy.BatchSizes is { } sizes && sizes.Contains(int.MinValue))
            r.Error("batch_sizes", "type", "VariableBatchUpdateStrategy.batch_sizes expects a list of integers");
        r.Finish();
        return strategy;
    }

    private static HealthCheckConfig ReadHealthCheck(ObjectReader? r)
    {
        if (r is null)
            return HealthCheckConfig.Default;
        var checker = r.Nested("HealthCheckerConfig", "health_checker");
        HttpHealthCheckerConfig? http = HttpHealthCheckerConfig.Default;
        ShellHealthCheckerConfig? shell = null;
        if (checker is not null)
        {
            var h = checker.Nested("HttpHealthChecker", "http");
            http = h is null ? (checker.Has("shell") ? null : HttpHealthCheckerConfig.Default) : new HttpHealthCheckerConfig(
                h.String("endpoint", "/health"), h.String("expected_response", "ok"), h.Int("expected_response_code", 0), h.String("url"));
            h?.Finish();
            var s = checker.Nested("ShellHealthChecker", "shell");
            if (s is not null)
            {
                shell = new ShellHealthCheckerConfig(s.String("shell_command", required: true) ?? "");
                s.Finish();
            }
            checker.Finish();
        }
        var config = new HealthCheckConfig(http, shell,
            r.Double("initial_interval_secs", 15), r.Double("interval_secs", 10), r.Double("timeout_secs", 1),
            r.Int("max_consecutive_failures", 0), r.Int("min_consecutive_successes", 1));
        r.Finish();
        return config;
    }

    private static LifecycleConfig ReadLifecycle(ObjectReader? r)
    {
        if (r is null)
            return LifecycleConfig.Default;
        var h = r.Nested("HttpLifecycleConfig", "http");
        var http = h is null ? null : new HttpLifecycleConfig(h.String("port", "health"), h.String("graceful_shutdown_endpoint", "/quitquitquit"),
            h.String("shutdown_endpoint", "/abortabortabort"), h.Int("graceful_shutdown_wait_secs", 5), h.Int("shutdown_wait_secs", 5));
        h?.Finish();
        r.Finish();
        return new LifecycleConfig(http);
    }

    private static ExecutorSettings ReadExecutor(ObjectReader? r)
    {
        if (r is null)
            return ExecutorSettings.Default;
        var settings = new ExecutorSettings(r.String("name", "AuroraExecutor"), r.String("data", ""));
        r.Finish();
        return settings;
    }

    private static MetadataConfig ReadMetadata(ObjectReader r)
    {
        var metadata = new MetadataConfig(r.String("key", required: true) ?? "", r.String("value", required: true) ?? "");
        r.Finish();
        return metadata;
    }

    private static PartitionPolicyConfig? ReadPartitionPolicy(ObjectReader? r)
    {
        if (r is null)
            return null;
        var policy = new PartitionPolicyConfig(r.Bool("reschedule", true), r.Int("delay_secs", 0));
        r.Finish();
        return policy;
    }

    private static SlaPolicyConfig? ReadSlaPolicy(ObjectReader? r)
    {
        if (r is null)
            return null;
        SlaPolicyConfig policy = r.DeclaredType switch
        {
            "CountSlaPolicy" => Count(r),
            "PercentageSlaPolicy" => Percentage(r),
            "CoordinatorSlaPolicy" => Coordinator(r),
            _ when r.Has("count") => Count(r),
            _ when r.Has("percentage") => Percentage(r),
            _ => Coordinator(r),
        };
        r.Finish();
        return policy;

        static SlaPolicyConfig Count(ObjectReader r) => new CountSlaPolicyConfig(r.Int("count", required: true) ?? 0, r.Int("duration_secs", required: true) ?? 0);
        static SlaPolicyConfig Percentage(ObjectReader r) => new PercentageSlaPolicyConfig(r.Double("percentage", required: true) ?? 0, r.Int("duration_secs", required: true) ?? 0);
        static SlaPolicyConfig Coordinator(ObjectReader r) => new CoordinatorSlaPolicyConfig(r.String("coordinator_url", required: true) ?? "", r.String("status_key", "drain"));
    }

    private static ContainerConfig? ReadContainer(ObjectReader? r)
    {
        if (r is null)
            return null;
        ContainerConfig? container;
        if (r.DeclaredType == "Docker")
            return ReadDocker(r);
        if (r.DeclaredType == "Container" || r.Has("docker"))
        {
            var docker = r.Nested("Docker", "docker", required: true);
            container = docker is null ? null : ReadDocker(docker);
        }
        else if (r.DeclaredType == "Mesos" || r.Has("volumes") || r.IsObject("image"))
        {
            container = ReadMesos(r);
            return container;
        }
        else
        {
            return ReadDocker(r);
        }
        r.Finish();
        return container;
    }

    private static DockerContainerConfig ReadDocker(ObjectReader r)
    {
        var parameters = r.List("parameters").Select(e => r.Element("Parameter", e.Node, e.Path)).OfType<ObjectReader>()
            .Select(p =>
            {
                var parameter = new ParameterConfig(p.String("name", required: true) ?? "", p.String("value", required: true) ?? "");
                p.Finish();
                return parameter;
            });
        var docker = new DockerContainerConfig(r.String("image", required: true) ?? "", new(parameters));
        r.Finish();
        return docker;
    }

    private static MesosContainerConfig ReadMesos(ObjectReader r)
    {
        ImageConfig? image = null;
        if (r.Nested("Image", "image") is { } i)
        {
            var appc = i.DeclaredType == "AppcImage" || (i.DeclaredType is null && i.Has("image_id"));
            image = appc
                ? new ImageConfig(true, i.String("name", required: true) ?? "", i.String("image_id", required: true) ?? "")
                : new ImageConfig(false, i.String("name", required: true) ?? "", i.String("tag", required: true) ?? "");
            i.Finish();
        }
        var volumes = r.List("volumes").Select(e => r.Element("Volume", e.Node, e.Path)).OfType<ObjectReader>()
            .Select(v =>
            {
                var volume = new VolumeConfig(v.String("container_path", required: true) ?? "", v.String("host_path", required: true) ?? "",
                    v.Enum("mode", Modes, "RO"));
                if (!v.Has("mode"))
                    v.Error("mode", "required", "Volume.mode is required");
                v.Finish();
                return volume;
            });
        var mesos = new MesosContainerConfig(image, new(volumes));
        r.Finish();
        return mesos;
    }
}
