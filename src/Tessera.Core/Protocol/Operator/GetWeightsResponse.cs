namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response.GetWeights</c>.</summary>
public sealed record GetWeightsResponse
{
    /// <summary>The weights.</summary>
    public IReadOnlyList<WeightInfo>? WeightInfos { get; init; }
}
