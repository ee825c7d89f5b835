namespace Tessera.Jobs.Config;

/// <summary>A bind volume: <c>Volume(container_path, host_path, mode=Mode('RO'|'RW'))</c>.</summary>
public sealed record VolumeConfig(string ContainerPath, string HostPath, string Mode);
