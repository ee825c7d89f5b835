namespace Tessera.Executor.Thermos;

/// <summary>A Thermos task (Aurora's <c>Task</c>): processes, their ordering and the task's limits.</summary>
public sealed record ThermosTask
{
    /// <summary>The task's name (Aurora defaults it to the first process's name).</summary>
    public required string Name { get; init; }

    /// <summary>The processes, in declaration order (which is also the order they start in when free to).</summary>
    public required IReadOnlyList<ThermosProcess> Processes { get; init; }

    /// <summary>Ordering constraints: each list runs one after another.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Constraints { get; init; } = [];

    /// <summary>How many processes may fail for good before the task fails; 0 = unlimited.</summary>
    public int MaxFailures { get; init; } = 1;

    /// <summary>How many processes may run at once; 0 = unlimited.</summary>
    public int MaxConcurrency { get; init; }

    /// <summary>How long CLEANING and FINALIZING together may take before what is left is SIGKILLed.</summary>
    public TimeSpan FinalizationWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The task's resources as declared (informational: the agent's container enforces them).</summary>
    public ThermosResources? Resources { get; init; }

    /// <summary>The job's health check (<c>health_check_config</c>); null: none, RUNNING once a process starts.</summary>
    public HealthCheckSpec? HealthCheck { get; init; }

    /// <summary>What a kill POSTs before signals (<c>lifecycle.http</c>); null: nothing, signals at once.</summary>
    public HttpLifecycleSpec? Lifecycle { get; init; } = new();

    /// <summary>The process named <paramref name="name"/>.</summary>
    public ThermosProcess Process(string name) => Processes.First(p => p.Name == name);
}
