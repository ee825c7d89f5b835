namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response.GetFrameworks</c>.</summary>
public sealed record GetFrameworksResponse
{
    /// <summary>Active frameworks.</summary>
    public IReadOnlyList<FrameworkEntry>? Frameworks { get; init; }

    /// <summary>Removed frameworks.</summary>
    public IReadOnlyList<FrameworkEntry>? CompletedFrameworks { get; init; }

    /// <summary>Deprecated.</summary>
    public IReadOnlyList<FrameworkInfo>? RecoveredFrameworks { get; init; }
}
