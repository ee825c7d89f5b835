using System.Globalization;
using Tessera.Jobs.Config;

namespace Tessera.Cli.Client;

/// <summary>
/// The text of <c>tessera job inspect</c>: the resolved job as Aurora's inspect prints it — the job
/// (key, instances, service/cron, constraints, update, health check, …), the task (resources, ports,
/// ordering) and each process (cmdline with templates resolved, max_failures, daemon, ephemeral,
/// final, min_duration), Aurora's defaults filled in by the loader.
/// </summary>
internal static class JobConfigText
{
    public static void Write(TextWriter output, JobConfig job)
    {
        var task = job.Task;
        var ports = AnnouncerPorts.Requested(job);
        output.WriteLine($"job {job.Key}");
        Field(output, 1, "instances", Number(job.Instances));
        Field(output, 1, "kind", job.CronSchedule is { } cron
            ? $"cron '{cron}', collision policy {job.CronCollisionPolicy}"
            : job.Service ? "service (replaced whenever it ends)" : "job (runs to completion)");
        if (job.Contact is { } contact) Field(output, 1, "contact", contact);
        if (job.Tier is { } tier) Field(output, 1, "tier", tier);
        Field(output, 1, "production", YesNo(job.Production));
        Field(output, 1, "priority", Number(job.Priority));
        Field(output, 1, "max_task_failures", job.MaxTaskFailures < 0 ? "unlimited" : Number(job.MaxTaskFailures));
        Field(output, 1, "constraints", job.Constraints is { Count: > 0 } constraints
            ? string.Join(", ", constraints.Select(c => $"{c.Key} {c.Value}"))
            : "none");
        Field(output, 1, "update", Update(job.UpdateConfig));
        Field(output, 1, "health check", Health(job, ports));
        if (job.Announce is { } announce)
            Field(output, 1, "announce", $"primary_port {announce.PrimaryPort}, portmap {announce.Portmap}{(announce.ZkPath is { } zk ? $", zk_path {zk}" : "")}");
        if (job.PartitionPolicy is { } partition)
            Field(output, 1, "partition policy", $"reschedule {YesNo(partition.Reschedule)}, delay {Number(partition.DelaySecs)} s");
        if (job.Lifecycle?.Http is { } lifecycle)
            Field(output, 1, "lifecycle", $"http on port {lifecycle.Port}: {lifecycle.GracefulShutdownEndpoint} then wait {Number(lifecycle.GracefulShutdownWaitSecs)} s, {lifecycle.ShutdownEndpoint} then wait {Number(lifecycle.ShutdownWaitSecs)} s");
        if (job.SlaPolicy is { } sla) Field(output, 1, "sla policy", Sla(sla));
        if (job.Container is { } container) Field(output, 1, "container", Container(container));
        if (job.Metadata is { Count: > 0 } metadata) Field(output, 1, "metadata", string.Join(", ", metadata.Select(m => $"{m.Key}={m.Value}")));
        if (job.Executor is { } executor) Field(output, 1, "executor", executor.Name);

        output.WriteLine($"task {task.Name}");
        var r = task.Resources;
        Field(output, 1, "resources", string.Create(CultureInfo.InvariantCulture,
            $"cpu {r.Cpu:0.###}, ram {Bytes(r.Ram)}, disk {Bytes(r.Disk)}, gpu {r.Gpu}"));
        Field(output, 1, "ports", ports.IsEmpty ? "none" : string.Join(", ", ports));
        Field(output, 1, "ordering", task.Constraints.Count == 0 ? "none (processes run in parallel)" : string.Join("; ", task.Constraints.Select(c => string.Join(" -> ", c.Order))));
        Field(output, 1, "max_failures", Number(task.MaxFailures));
        Field(output, 1, "max_concurrency", task.MaxConcurrency == 0 ? "unlimited" : Number(task.MaxConcurrency));
        Field(output, 1, "finalization_wait", $"{Number(task.FinalizationWait)} s");
        foreach (var process in task.Processes)
        {
            output.WriteLine($"  process {process.Name}");
            Field(output, 2, "cmdline", process.Cmdline);
            Field(output, 2, "max_failures", process.MaxFailures == 0 ? "0 (restarted forever)" : Number(process.MaxFailures));
            Field(output, 2, "daemon", YesNo(process.Daemon));
            Field(output, 2, "ephemeral", YesNo(process.Ephemeral));
            Field(output, 2, "final", YesNo(process.Final));
            Field(output, 2, "min_duration", $"{Number(process.MinDuration)} s");
        }
    }

    /// <summary><c>name: value</c> aligned at the depth's column; a value of several lines goes below, indented.</summary>
    private static void Field(TextWriter output, int depth, string name, string value)
    {
        var indent = new string(' ', depth * 2);
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            output.WriteLine($"{indent}{name}:");
            foreach (var line in value.TrimEnd('\n').Split('\n'))
                output.WriteLine($"{indent}  {line}".TrimEnd());
            return;
        }
        output.WriteLine($"{indent}{(name + ":").PadRight(Math.Max(21 - indent.Length, name.Length + 2))}{value}");
    }

    private static string Update(UpdateConfig? update)
    {
        var u = update ?? UpdateConfig.Default;
        var strategy = u.EffectiveStrategy;
        var text = $"batch_size {Number(u.BatchSize)}, watch_secs {Number(u.WatchSecs)}, max_per_shard_failures {Number(u.MaxPerShardFailures)}, "
            + $"max_total_failures {Number(u.MaxTotalFailures)}, rollback_on_failure {YesNo(u.RollbackOnFailure)}, strategy {strategy.Kind}"
            + (strategy.BatchSizes is { } sizes ? $" {sizes}" : "")
            + (strategy.AutopauseAfterBatch ? " (autopause after each batch)" : "")
            + (u.PulseIntervalSecs is { } pulse ? $", pulse_interval_secs {Number(pulse)}" : "")
            + (u.SlaAware ? ", sla_aware" : "");
        return text;
    }

    private static string Health(JobConfig job, IReadOnlyCollection<string> ports)
    {
        var h = job.HealthCheck ?? HealthCheckConfig.Default;
        var timing = string.Create(CultureInfo.InvariantCulture,
            $"initial {h.InitialIntervalSecs:0.###} s, interval {h.IntervalSecs:0.###} s, timeout {h.TimeoutSecs:0.###} s, max_consecutive_failures {h.MaxConsecutiveFailures}, min_consecutive_successes {h.MinConsecutiveSuccesses}");
        string checker;
        if (h.Shell is { } shell)
        {
            checker = $"shell '{shell.ShellCommand}'";
        }
        else if (h.Http is { } http)
        {
            var expect = $"expecting '{http.ExpectedResponse}'{(http.ExpectedResponseCode == 0 ? "" : $" and code {http.ExpectedResponseCode}")}";
            string? port = ports.Contains("health") ? "port health"
                : AnnouncerPorts.Roots(job.Announce?.Portmap, out _).TryGetValue("health", out var target)
                    && ports.Contains(target)
                    ? $"port {target} (portmap health -> {target})"
                : null;
            checker = http.Url is { } url ? $"http GET {url} {expect}"
                : port is null ? "none (http, but the task has no 'health' port)"
                : $"http GET {http.Endpoint} on {port} {expect}";
        }
        else
        {
            checker = "none";
        }
        return $"{checker}; {timing}";
    }

    private static string Sla(SlaPolicyConfig sla) => sla switch
    {
        CountSlaPolicyConfig c => $"count {c.Count} for {c.DurationSecs} s",
        PercentageSlaPolicyConfig p => string.Create(CultureInfo.InvariantCulture, $"percentage {p.Percentage:0.###} for {p.DurationSecs} s"),
        CoordinatorSlaPolicyConfig c => $"coordinator {c.CoordinatorUrl} (status key {c.StatusKey})",
        _ => sla.ToString(),
    };

    private static string Container(ContainerConfig container) => container switch
    {
        DockerContainerConfig d => $"docker {d.Image}{(d.Parameters.Count == 0 ? "" : " " + string.Join(" ", d.Parameters.Select(p => $"--{p.Name}={p.Value}")))}",
        MesosContainerConfig m => $"mesos{(m.Image is { } i ? $" {(i.IsAppc ? "appc" : "docker")} image {i.Name}:{i.Reference}" : "")}"
            + string.Concat(m.Volumes.Select(v => $", volume {v.HostPath}:{v.ContainerPath}:{v.Mode}")),
        _ => container.ToString(),
    };

    private static string Bytes(long bytes) =>
        bytes % ResourcesConfig.Megabyte == 0
            ? $"{Number(bytes / ResourcesConfig.Megabyte)} MB"
            : $"{Number(bytes)} bytes ({Number(bytes / ResourcesConfig.Megabyte)} MB as scheduled)";

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
