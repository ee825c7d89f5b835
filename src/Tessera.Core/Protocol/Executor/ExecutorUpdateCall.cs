namespace Tessera.Core.Protocol.Executor;

/// <summary>Mesos <c>executor.Call.Update</c>.</summary>
public sealed record ExecutorUpdateCall
{
    /// <summary>The status (with a uuid).</summary>
    public required MesosTaskStatus Status { get; init; }
}
