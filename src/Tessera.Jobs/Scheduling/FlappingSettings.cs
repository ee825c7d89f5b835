namespace Tessera.Jobs.Scheduling;

/// <summary>
/// The flapping penalty's three numbers, Aurora's scheduler flags <c>flapping_task_threshold</c>,
/// <c>initial_flapping_task_delay</c> and <c>max_flapping_task_delay</c>, with Aurora's defaults.
/// </summary>
public sealed record FlappingSettings(TimeSpan Threshold, TimeSpan Initial, TimeSpan Max)
{
    /// <summary>5 minutes, 30 seconds, 5 minutes.</summary>
    public static FlappingSettings Default { get; } = new(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));
}
