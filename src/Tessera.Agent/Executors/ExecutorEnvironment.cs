using Tessera.Core.Flags;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Executors;

/// <summary>The environment a custom executor starts with (Mesos' names and formats), then the command's own.</summary>
internal static class ExecutorEnvironment
{
    /// <summary>The longest backoff between SUBSCRIBE attempts (Mesos: 2 s).</summary>
    public static readonly TimeSpan SubscriptionBackoffMax = TimeSpan.FromSeconds(2);

    /// <param name="recoveryTimeout">How long an executor of a checkpointing framework should wait for a restarted agent (<c>--recovery-timeout</c>).</param>
    public static Dictionary<string, string> For(AgentExecutor executor, string? agentId, string agentEndpoint, TimeSpan shutdownGrace, TimeSpan recoveryTimeout)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MESOS_FRAMEWORK_ID"] = executor.FrameworkId,
            ["MESOS_EXECUTOR_ID"] = executor.ExecutorId,
            ["MESOS_AGENT_ID"] = agentId ?? "",
            ["MESOS_SLAVE_ID"] = agentId ?? "",
            ["MESOS_AGENT_ENDPOINT"] = agentEndpoint,
            ["MESOS_DIRECTORY"] = executor.Sandbox,
            ["MESOS_SANDBOX"] = executor.Sandbox,
            ["MESOS_CHECKPOINT"] = executor.Framework.Checkpoint == true ? "1" : "0",
            ["MESOS_RECOVERY_TIMEOUT"] = DurationText.Format(recoveryTimeout),
            ["MESOS_SUBSCRIPTION_BACKOFF_MAX"] = DurationText.Format(SubscriptionBackoffMax),
            ["MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD"] = DurationText.Format(shutdownGrace),
            ["MESOS_HTTP_COMMAND_EXECUTOR"] = "0",
            ["HOME"] = executor.Sandbox,
        };
        foreach (var variable in executor.Info.Command?.Environment?.Variables ?? [])
            if (variable.Value is { } value) env[variable.Name] = value;
        return env;
    }

    /// <summary><c>ip:port</c> of the agent's HTTP server, as executors expect in MESOS_AGENT_ENDPOINT.</summary>
    public static string Endpoint(Uri? server) => server is null ? "" : $"{server.Host}:{server.Port}";
}
