namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call.Teardown</c>.</summary>
public sealed record TeardownCall
{
    /// <summary>The framework.</summary>
    public required FrameworkID FrameworkId { get; init; }
}
