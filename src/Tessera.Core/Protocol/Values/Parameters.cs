namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Parameters</c>.</summary>
public sealed record Parameters
{
    /// <summary>The parameters (proto field <c>parameter</c>).</summary>
    public IReadOnlyList<Parameter>? Parameter { get; init; }
}
