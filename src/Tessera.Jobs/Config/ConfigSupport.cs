using System.Collections.Immutable;

namespace Tessera.Jobs.Config;

/// <summary>
/// What a valid Aurora config may ask that this cluster does not do (yet). The loader reads every
/// field so that <c>job inspect</c> can show it; before a job is created from a config, each field
/// that would otherwise be dropped is refused here, with the reason (rule <c>unsupported</c>).
/// Pure. The field table in <c>docs/jobs-config.md</c> lists what is applied and what is refused.
/// </summary>
public static class ConfigSupport
{
    /// <summary>The tier every task runs as: nothing preempts it and it uses no revocable resources.</summary>
    public const string RunTier = "preferred";

    /// <summary>Aurora's tiers (its default <c>tiers.json</c>).</summary>
    private static readonly string[] AuroraTiers = ["preemptible", "preferred", "revocable"];

    /// <param name="forCron">For <c>cron schedule</c>: <c>cron_schedule</c> is what is asked for, not refused.</param>
    public static ImmutableArray<ConfigError> Check(JobConfig job, SourceMap sources, bool forCron = false)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(sources);
        var errors = ImmutableArray.CreateBuilder<ConfigError>();
        void Refuse(string field, string why) =>
            errors.Add(ConfigError.At(sources.Locate(field), field, "unsupported", why));

        if (job.CronSchedule is not null && !forCron)
            Refuse("cron_schedule", "a cron job is scheduled with 'tessera cron schedule KEY CONFIG', not created " +
                "('job create' would run it once, at once)");
        if (job.CronSchedule is null && forCron)
            Refuse("cron_schedule", "the job has no cron_schedule: 'tessera cron schedule' needs one ('tessera job create' runs it once)");
        CheckContainer(job.Container, Refuse);
        if (job.SlaPolicy is not null)
            Refuse("sla_policy",
                "SLA policies are not supported by this cluster yet (they come with SLA-aware maintenance)");
        if (job.UpdateConfig?.SlaAware == true)
            Refuse("update_config.sla_aware",
                "SLA-aware updates need SLA policies, which this cluster does not have yet");
        CheckTier(job, Refuse);
        if (job.Metadata is { Count: > 0 })
            Refuse("metadata", "job metadata is not supported by this cluster yet");
        if (job.EnableHooks)
            Refuse("enable_hooks", "client hooks are not supported");
        if ((job.Executor ?? ExecutorSettings.Default) != ExecutorSettings.Default)
            Refuse("executor_config", "every task runs under the scheduler's own process-tree executor; a custom " +
                "executor_config (name, data) is not supported");
        if (job.Announce?.ZkPath is not null)
            Refuse("announce.zk_path",
                "announcing to ZooKeeper is not supported (this cluster has no ServerSet registry)");
        var roots = AnnouncerPorts.Roots(job.Announce?.Portmap, out _);
        foreach (var (name, root) in roots.Where(r => AnnouncerPorts.IsStatic(r.Value)))
            Refuse($"announce.portmap[{name}]", $"static port {root} is not supported: a task's ports come from " +
                "its agent's offered port ranges");
        CheckLoggers(job.Task, Refuse);
        return errors.ToImmutable();
    }

    private static void CheckContainer(ContainerConfig? container, Action<string, string> refuse)
    {
        switch (container)
        {
            case DockerContainerConfig:
                refuse("container", "Docker containers are not supported by this cluster yet (the command would run " +
                    "on the host, without the image)");
                break;
            case MesosContainerConfig mesos:
                if (mesos.Image is not null)
                    refuse("container.image", "images are not supported by this cluster yet (the command would " +
                        "run on the host, without the image)");
                if (mesos.Volumes.Count > 0)
                    refuse("container.volumes", "volumes are not supported by this cluster yet");
                break;
        }
    }

    private static void CheckTier(JobConfig job, Action<string, string> refuse)
    {
        if (job.Tier is { } tier && tier != RunTier)
            refuse("tier", AuroraTiers.Contains(tier, StringComparer.Ordinal)
                ? $"tier '{tier}' is not supported by this cluster yet: every task runs as '{RunTier}'"
                : $"tier '{tier}' does not exist (Aurora's tiers: {string.Join(", ", AuroraTiers)}; " +
                    $"this cluster runs '{RunTier}')");
        if (job.Production)
            refuse("production", "production jobs count against their role's quota, which this cluster does not have " +
                "yet; leave production unset");
    }

    private static void CheckLoggers(TaskConfig task, Action<string, string> refuse)
    {
        for (var i = 0; i < task.Processes.Count; i++)
        {
            var logger = task.Processes[i].EffectiveLogger;
            var field = $"task.processes[{i}].logger";
            if (logger.Destination != LoggerConfig.Default.Destination)
                refuse($"{field}.destination", $"log destination '{logger.Destination}' is not supported: " +
                    "a process's output always goes to files in its sandbox (.logs/PROCESS/RUN/)");
            if (logger.Mode != LoggerConfig.Default.Mode)
                refuse($"{field}.mode", $"log mode '{logger.Mode}' is not supported yet: the executor keeps " +
                    $"each run's whole output and the last {Executor.Thermos.ProcessLogs.KeptRuns} runs");
        }
    }
}
