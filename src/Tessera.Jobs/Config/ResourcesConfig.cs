namespace Tessera.Jobs.Config;

/// <summary>A task's resources as Aurora's schema has them: cpu in cores, ram and disk in bytes.</summary>
public sealed record ResourcesConfig(double Cpu, long Ram, long Disk, int Gpu = 0)
{
    public const long Megabyte = 1024 * 1024;

    /// <summary>ram in MB by integer division, as Aurora's Thrift conversion does.</summary>
    public long RamMb => Ram / Megabyte;

    /// <summary>disk in MB by integer division, as Aurora's Thrift conversion does.</summary>
    public long DiskMb => Disk / Megabyte;
}
