namespace Tessera.Core.Resources;

/// <summary>The resource names Tessera knows by heart; any other name is a custom resource.</summary>
public static class ResourceNames
{
    public const string Cpus = "cpus";
    public const string Mem = "mem";
    public const string Disk = "disk";
    public const string Gpus = "gpus";
    public const string Ports = "ports";
}
