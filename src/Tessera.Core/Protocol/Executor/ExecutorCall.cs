namespace Tessera.Core.Protocol.Executor;

/// <summary>Mesos <c>executor.Call</c>: what an executor POSTs to <c>/api/v1/executor</c>.</summary>
public sealed record ExecutorCall
{
    /// <summary>The executor.</summary>
    public required ExecutorID ExecutorId { get; init; }

    /// <summary>The framework.</summary>
    public required FrameworkID FrameworkId { get; init; }

    /// <summary>The call.</summary>
    public ExecutorCallType? Type { get; init; }

    /// <summary>For SUBSCRIBE.</summary>
    public ExecutorSubscribeCall? Subscribe { get; init; }

    /// <summary>For UPDATE.</summary>
    public ExecutorUpdateCall? Update { get; init; }

    /// <summary>For MESSAGE.</summary>
    public ExecutorMessageCall? Message { get; init; }
}
