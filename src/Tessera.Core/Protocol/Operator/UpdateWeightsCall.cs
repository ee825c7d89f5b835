namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call.UpdateWeights</c>.</summary>
public sealed record UpdateWeightsCall
{
    /// <summary>The weights.</summary>
    public IReadOnlyList<WeightInfo>? WeightInfos { get; init; }
}
