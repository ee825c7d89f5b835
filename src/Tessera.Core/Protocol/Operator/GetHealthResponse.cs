namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response.GetHealth</c>.</summary>
public sealed record GetHealthResponse
{
    /// <summary>Whether the master is healthy.</summary>
    public required bool Healthy { get; init; }
}
