namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response.GetFlags</c>.</summary>
public sealed record GetFlagsResponse
{
    /// <summary>The flags.</summary>
    public IReadOnlyList<Flag>? Flags { get; init; }
}
