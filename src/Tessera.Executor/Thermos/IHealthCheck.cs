namespace Tessera.Executor.Thermos;

/// <summary>One kind of health check (HTTP or shell).</summary>
public interface IHealthCheck
{
    /// <summary>What is checked, for messages.</summary>
    string Name { get; }

    /// <summary>Runs the check once, within <paramref name="timeout"/>: whether it passed and why.</summary>
    Task<(bool Passed, string Detail)> CheckAsync(TimeSpan timeout, CancellationToken ct);
}
