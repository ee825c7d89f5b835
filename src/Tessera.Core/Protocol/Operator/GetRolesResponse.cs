namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response.GetRoles</c>.</summary>
public sealed record GetRolesResponse
{
    /// <summary>The roles.</summary>
    public IReadOnlyList<Role>? Roles { get; init; }
}
