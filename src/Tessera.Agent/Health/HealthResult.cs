namespace Tessera.Agent.Health;

/// <summary>The outcome of one check: passed or not, and what happened, for logs and messages.</summary>
internal sealed record HealthResult(bool Healthy, string Message)
{
    public static HealthResult Pass(string message) => new(true, message);

    public static HealthResult Fail(string message) => new(false, message);
}
