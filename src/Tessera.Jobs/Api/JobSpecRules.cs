using System.Globalization;
using Tessera.Core.Resources;
using Tessera.Executor.Thermos;
using Tessera.Jobs.Framework;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Api;

/// <summary>
/// What a job must satisfy to be created; the first problem names the field and the rule (pure).
/// Resources follow Mesos' scalar rules: finite, at most <see cref="ScalarValue.Max"/>, and cpus at
/// least the 0.001 granularity (a smaller amount would run with none). A <c>task_json</c> must be
/// a task the process-tree executor accepts, checked with the executor's own reader.
/// </summary>
public static class JobSpecRules
{
    /// <summary>The most instances one job may have.</summary>
    public const int MaxInstances = 10_000;

    /// <summary>The longest <c>contact</c> (an address or a name, shown in one line).</summary>
    public const int MaxContact = 255;

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
        return Resources(t.Resources) ?? Template(t);
    }

    private static string? Resources(TaskResources? r)
    {
        if (r is null) return "template.resources: required (cpus, ram_mb, disk_mb)";
        var max = ScalarValue.Max.Value;
        if (!double.IsFinite(r.Cpus) || r.Cpus < ScalarValue.Granularity || r.Cpus > max)
            return $"template.resources.cpus: must be a number from {ScalarValue.Granularity} to {ScalarValue.Max}, " +
                $"not {Shown(r.Cpus)}";
        if (r.RamMb < 1 || r.RamMb > max)
            return $"template.resources.ram_mb: must be from 1 to {ScalarValue.Max}, not {r.RamMb}";
        if (r.DiskMb < 0 || r.DiskMb > max)
            return $"template.resources.disk_mb: must be from 0 to {ScalarValue.Max}, not {r.DiskMb}";
        if (!double.IsFinite(r.Gpus) || r.Gpus < 0 || r.Gpus > max || r.Gpus != Math.Floor(r.Gpus))
            return $"template.resources.gpus: must be a whole number from 0 to {ScalarValue.Max}, not {Shown(r.Gpus)}";
        return null;
    }

    private static string? Template(TaskSpec t)
    {
        if (t.MaxTaskFailures < -1)
            return $"template.max_task_failures: must be -1 (unlimited) or more, not {t.MaxTaskFailures}";
        if (string.IsNullOrWhiteSpace(t.Command) && string.IsNullOrWhiteSpace(t.TaskJson))
            return "template.command: required (a shell command line) unless template.task_json is given";
        if (!t.Ports.IsDefault
            && t.Ports.FirstOrDefault(p => string.IsNullOrWhiteSpace(p)
                || p.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))) is { } port)
            return $"template.ports: port name '{port}' may only contain letters, digits, '_' and '-'";
        if (t.Contact is { } contact && (contact.Length > MaxContact || contact.Any(char.IsControl)))
            return $"template.contact: must be at most {MaxContact} characters without control characters";
        if (t.PartitionPolicy is { DelaySecs: < 0 })
            return $"template.partition_policy.delay_secs: must not be negative, not {t.PartitionPolicy.DelaySecs}";
        return t.TaskJson is { } json ? ThermosTask(json) : null;
    }

    /// <summary>The process-tree executor's own check of the task it would get (as instance 0).</summary>
    private static string? ThermosTask(string json)
    {
        try
        {
            ThermosTaskReader.Parse(InstanceTemplates.Apply(json, 0, ports: null));
            return null;
        }
        catch (ThermosConfigException e)
        {
            return $"template.task_json: {e.Message}";
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException
            or ArgumentException)
        {
            return "template.task_json: not a task the process-tree executor reads (a field has the wrong type)";
        }
    }

    private static string Shown(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
