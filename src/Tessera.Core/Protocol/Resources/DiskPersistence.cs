namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Resource.DiskInfo.Persistence</c>.</summary>
public sealed record DiskPersistence
{
    /// <summary>The persistent volume ID, unique per role on an agent.</summary>
    public required string Id { get; init; }

    /// <summary>The principal that created the volume.</summary>
    public string? Principal { get; init; }
}
