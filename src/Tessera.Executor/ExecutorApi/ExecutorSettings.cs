namespace Tessera.Executor.ExecutorApi;

/// <summary>What the agent tells an executor through its environment (Mesos' names).</summary>
public sealed record ExecutorSettings
{
    /// <summary><c>MESOS_FRAMEWORK_ID</c>.</summary>
    public required string FrameworkId { get; init; }

    /// <summary><c>MESOS_EXECUTOR_ID</c>.</summary>
    public required string ExecutorId { get; init; }

    /// <summary><c>MESOS_AGENT_ENDPOINT</c>: <c>ip:port</c> of the agent.</summary>
    public required string AgentEndpoint { get; init; }

    /// <summary><c>MESOS_SANDBOX</c> (else <c>MESOS_DIRECTORY</c>, else the working directory).</summary>
    public required string Sandbox { get; init; }

    /// <summary><c>MESOS_CHECKPOINT=1</c>: survive an agent restart by subscribing again.</summary>
    public bool Checkpoint { get; init; }

    /// <summary><c>MESOS_RECOVERY_TIMEOUT</c> (15 min): how long to keep trying to subscribe again.</summary>
    public TimeSpan RecoveryTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary><c>MESOS_SUBSCRIPTION_BACKOFF_MAX</c> (2 s).</summary>
    public TimeSpan SubscriptionBackoffMax { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The agent's Executor API.</summary>
    public Uri Endpoint => new($"http://{AgentEndpoint}/api/v1/executor");

    /// <summary>Reads the settings from <paramref name="env"/>; null with <paramref name="missing"/> naming a variable that is not set.</summary>
    public static ExecutorSettings? FromEnvironment(Func<string, string?> env, out string? missing)
    {
        missing = new[] { "MESOS_FRAMEWORK_ID", "MESOS_EXECUTOR_ID", "MESOS_AGENT_ENDPOINT" }.FirstOrDefault(n => string.IsNullOrEmpty(env(n)));
        if (missing is not null) return null;
        return new ExecutorSettings
        {
            FrameworkId = env("MESOS_FRAMEWORK_ID")!,
            ExecutorId = env("MESOS_EXECUTOR_ID")!,
            AgentEndpoint = env("MESOS_AGENT_ENDPOINT")!,
            Sandbox = env("MESOS_SANDBOX") ?? env("MESOS_DIRECTORY") ?? Directory.GetCurrentDirectory(),
            Checkpoint = env("MESOS_CHECKPOINT") == "1",
            RecoveryTimeout = MesosDuration.Parse(env("MESOS_RECOVERY_TIMEOUT"), TimeSpan.FromMinutes(15)),
            SubscriptionBackoffMax = MesosDuration.Parse(env("MESOS_SUBSCRIPTION_BACKOFF_MAX"), TimeSpan.FromSeconds(2)),
        };
    }
}
