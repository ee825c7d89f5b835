using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Tessera.Executor.ExecutorApi;

namespace Tessera.Executor;

/// <summary><c>tessera executor thermos</c>: the process-tree executor, configured by the agent's environment.</summary>
public static class ExecutorCommand
{
    private const string Usage = """
        Usage: tessera executor thermos

        The process-tree executor (Thermos semantics) over the Mesos v1 Executor API. The agent starts it
        as a custom executor (ExecutorInfo.command) with MESOS_FRAMEWORK_ID, MESOS_EXECUTOR_ID,
        MESOS_AGENT_ENDPOINT, MESOS_SANDBOX and MESOS_CHECKPOINT set; each task's data is its Thermos
        task as JSON. See docs/thermos-executor.md.

        """;

    /// <summary>Runs the executor named by <paramref name="args"/>[0]; the exit status.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            stdout.Write(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] != "thermos")
        {
            stderr.WriteLine($"tessera executor: unknown executor '{args[0]}' (known: thermos)");
            return 2;
        }

        var settings = ExecutorSettings.FromEnvironment(Environment.GetEnvironmentVariable, out var missing);
        if (settings is null)
        {
            stderr.WriteLine($"tessera executor thermos: {missing} is not set; the executor is started by an agent (docs/thermos-executor.md)");
            return 2;
        }

        using var logs = LoggerFactory.Create(b => b
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; o.ColorBehavior = LoggerColorBehavior.Disabled; })
            .SetMinimumLevel(LogLevel.Information));
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var time = TimeProvider.System;
        var driver = new ExecutorDriver(settings, new ExecutorApiClient(settings, http), time, logs.CreateLogger<ExecutorDriver>());
        var executor = new ThermosExecutor(settings, driver, http, time, logs, ct);
        return await driver.RunAsync(executor, ct).ConfigureAwait(false);
    }
}
