namespace Tessera.Core.Resources;

public enum VolumeMode
{
    ReadWrite,
    ReadOnly,
}

public enum DiskSourceType
{
    Path,
    Mount,
    Block,
    Raw,
}

/// <summary>
/// Disk details of a <c>disk</c> resource: where it comes from (a PATH or MOUNT disk on the agent)
/// and, for a persistent volume, its id and where it is mounted in the container.
/// </summary>
public sealed record DiskInfo(
    string? PersistenceId = null,
    string? PersistencePrincipal = null,
    string? ContainerPath = null,
    VolumeMode Mode = VolumeMode.ReadWrite,
    DiskSourceType? SourceType = null,
    string? SourceRoot = null)
{
    public bool IsPersistentVolume => PersistenceId is not null;
}
