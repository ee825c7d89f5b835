using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Api;

/// <summary>What a job must satisfy to be created; the first problem names the field and the rule (pure).</summary>
public static class JobSpecRules
{
    /// <summary>The most instances one job may have.</summary>
    public const int MaxInstances = 10_000;

    /// <summary>The first problem of <paramref name="job"/>, or null when it is valid.</summary>
    public static string? Problem(JobSpec job)
    {
        ArgumentNullException.ThrowIfNull(job);
        string[] parts = ["cluster", "role", "environment", "name"];
        string[] values = [job.Key.Cluster, job.Key.Role, job.Key.Environment, job.Key.Name];
        for (var i = 0; i < parts.Length; i++)
        {
            if (JobKey.PartError(parts[i], values[i] ?? "") is { } problem)
                return $"key.{parts[i]}: {problem}";
        }
        var t = job.Template;
        if (job.Instances is < 1 or > MaxInstances)
            return $"instances: must be between 1 and {MaxInstances}, not {job.Instances}";
        if (t.Resources is null)
            return "template.resources: required (cpus, ram_mb, disk_mb)";
        if (!(t.Resources.Cpus > 0) || !double.IsFinite(t.Resources.Cpus))
            return $"template.resources.cpus: must be a number above 0, not {t.Resources.Cpus}";
        if (t.Resources.RamMb <= 0)
            return $"template.resources.ram_mb: must be above 0, not {t.Resources.RamMb}";
        if (t.Resources.DiskMb < 0)
            return $"template.resources.disk_mb: must not be negative, not {t.Resources.DiskMb}";
        if (t.Resources.Gpus < 0 || !double.IsFinite(t.Resources.Gpus))
            return $"template.resources.gpus: must not be negative, not {t.Resources.Gpus}";
        if (t.MaxTaskFailures < -1)
            return $"template.max_task_failures: must be -1 (unlimited) or more, not {t.MaxTaskFailures}";
        if (string.IsNullOrWhiteSpace(t.Command) && string.IsNullOrWhiteSpace(t.TaskJson))
            return "template.command: required (a shell command line) unless template.task_json is given";
        if (!t.Ports.IsDefault && t.Ports.FirstOrDefault(p => string.IsNullOrWhiteSpace(p) || p.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))) is { } port)
            return $"template.ports: port name '{port}' may only contain letters, digits, '_' and '-'";
        if (t.PartitionPolicy is { DelaySecs: < 0 })
            return $"template.partition_policy.delay_secs: must not be negative, not {t.PartitionPolicy.DelaySecs}";
        return null;
    }
}
