namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response.GetVersion</c>.</summary>
public sealed record GetVersionResponse
{
    /// <summary>The version.</summary>
    public required VersionInfo VersionInfo { get; init; }
}
