namespace Tessera.Executor.Thermos;

/// <summary>A task config the executor cannot run; <see cref="Field"/> names the field, the message the rule.</summary>
public sealed class ThermosConfigException(string field, string rule) : Exception($"{field}: {rule}")
{
    /// <summary>The field, as a path such as <c>processes[1].max_failures</c>.</summary>
    public string Field { get; } = field;
}
