namespace Tessera.Jobs.Store;

/// <summary>Where the job store keeps its entries in the key/value store.</summary>
public static class JobStoreKeys
{
    /// <summary>Prefix of every job store key.</summary>
    public const string Root = "jobs/";

    /// <summary>Format marker: the layout version.</summary>
    public const string Format = "jobs/format";

    /// <summary>The framework id the scheduler re-subscribes with.</summary>
    public const string FrameworkId = "jobs/framework-id";

    /// <summary>Prefix of job specs: <c>jobs/specs/cluster/role/env/name</c>.</summary>
    public const string SpecsPrefix = "jobs/specs/";

    /// <summary>Prefix of tasks: <c>jobs/tasks/&lt;task id&gt;</c>.</summary>
    public const string TasksPrefix = "jobs/tasks/";

    /// <summary>Prefix of job updates, each job's history: <c>jobs/updates/cluster/role/env/name/&lt;update id&gt;</c>.</summary>
    public const string UpdatesPrefix = "jobs/updates/";

    public static string Update(JobKey key, string updateId)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(updateId);
        return UpdatesPrefix + key + "/" + updateId;
    }

    /// <summary>Prefix of cron jobs: <c>jobs/cron/cluster/role/env/name</c>.</summary>
    public const string CronPrefix = "jobs/cron/";

    public static string Cron(JobKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return CronPrefix + key;
    }

    public static string Spec(JobKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SpecsPrefix + key;
    }

    public static string Task(string taskId)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        return TasksPrefix + taskId;
    }
}
