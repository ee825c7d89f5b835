namespace Tessera.Jobs.Config;

/// <summary>
/// A fully resolved job (templates expanded except the instance-time <c>mesos.*</c> and
/// <c>thermos.*</c> names), with Aurora's defaults.
/// </summary>
public sealed record JobConfig(
    string Name,
    string Role,
    string Cluster,
    string Environment,
    TaskConfig Task,
    string? Contact = null,
    int Instances = 1,
    AnnouncerConfig? Announce = null,
    string? Tier = null,
    string? CronSchedule = null,
    string CronCollisionPolicy = "KILL_EXISTING",
    UpdateConfig? UpdateConfig = null,
    ValueMap? Constraints = null,
    ValueList<MetadataConfig>? Metadata = null,
    bool Service = false,
    int MaxTaskFailures = 1,
    bool Production = false,
    int Priority = 0,
    HealthCheckConfig? HealthCheck = null,
    LifecycleConfig? Lifecycle = null,
    ExecutorSettings? Executor = null,
    bool EnableHooks = false,
    PartitionPolicyConfig? PartitionPolicy = null,
    SlaPolicyConfig? SlaPolicy = null,
    ContainerConfig? Container = null)
{
    public JobKey Key => new(Cluster, Role, Environment, Name);

    /// <summary>
    /// What the process-tree executor receives: <see cref="TaskConfig.ToExecutorJson"/> plus the
    /// job's <c>health_check_config</c> (Aurora's defaults when the job has none), with Aurora's
    /// field names. The executor health-checks with the shell checker if set, else over HTTP when
    /// the task has a <c>health</c> port (or <c>http.url</c> is set), else not at all. When the
    /// task has no <c>health</c> port but the Announcer's portmap aliases <c>health</c> to one of its
    /// ports (<c>{'health': 'http'}</c>), <c>http.port</c> (Tessera's) names that port. The job's
    /// <c>lifecycle</c> follows (Aurora's default HTTP lifecycle when it has none; its port follows
    /// the same alias).
    /// </summary>
    public string ToExecutorJson() => ExecutorJson.WithLifecycle(
        ExecutorJson.WithHealthCheck(Task.ToExecutorJson(), HealthCheck ?? HealthCheckConfig.Default, HealthPortAlias()),
        Lifecycle ?? LifecycleConfig.Default,
        Lifecycle?.Http is null or { Port: "health" } ? HealthPortAlias() : null);

    private string? HealthPortAlias()
    {
        var ports = AnnouncerPorts.Requested(this);
        return !ports.Contains("health")
            && AnnouncerPorts.Roots(Announce?.Portmap, out _).TryGetValue("health", out var target)
            && ports.Contains(target) ? target : null;
    }
}
