namespace Tessera.Executor.ExecutorApi;

/// <summary>The agent refused a call (a status other than the expected one).</summary>
public sealed class ExecutorApiException(int status, string body) : Exception($"agent answered {status}: {body}")
{
    /// <summary>The HTTP status.</summary>
    public int Status { get; } = status;
}
