namespace Tessera.Agent.Executors;

/// <summary>The HTTP answer to an executor call: the status and, for refusals, why (text/plain).</summary>
internal sealed record ExecutorCallOutcome(int Status, string? Message = null)
{
    public static ExecutorCallOutcome Accepted { get; } = new(202);

    public static ExecutorCallOutcome BadRequest(string message) => new(400, message);

    public static ExecutorCallOutcome Forbidden(string message) => new(403, message);

    public static ExecutorCallOutcome NotFound(string message) => new(404, message);
}
