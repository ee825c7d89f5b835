namespace Tessera.Jobs.Config;

/// <summary>Log rotation of a process: <c>log_size</c> bytes (100 MB) and <c>backups</c> (5).</summary>
public sealed record RotatePolicyConfig(long LogSize = 100 * ResourcesConfig.Megabyte, int Backups = 5)
{
    public static readonly RotatePolicyConfig Default = new();
}
