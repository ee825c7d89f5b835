using Tessera.Core.Resources;

namespace Tessera.Core.Allocation;

/// <summary>
/// A role's quota on scalar resources: <see cref="Guarantees"/> are offered to it before fair
/// sharing (and held back from others as headroom); <see cref="Limits"/> cap what it may consume.
/// A name absent from the limits is unlimited.
/// </summary>
public sealed record RoleQuota(ResourceQuantities Guarantees, ResourceLimits Limits)
{
    public static readonly RoleQuota None = new(ResourceQuantities.Empty, ResourceLimits.None);

    public static RoleQuota Limit(ResourceLimits limits) => new(ResourceQuantities.Empty, limits);

    public static RoleQuota Guarantee(ResourceQuantities guarantees) => new(guarantees, ResourceLimits.None);
}
