namespace Tessera.Jobs.Scheduling;

/// <summary>What one instance asks for: cpus, ram and disk in MB, gpus (Aurora's Resources after the Thrift conversion).</summary>
public sealed record TaskResources(double Cpus, long RamMb, long DiskMb, double Gpus = 0);
