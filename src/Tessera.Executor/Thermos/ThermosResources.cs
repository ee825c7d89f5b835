namespace Tessera.Executor.Thermos;

/// <summary>Aurora's <c>Resources</c>: cpu cores, ram and disk in bytes, gpus.</summary>
public sealed record ThermosResources(double Cpu, long Ram, long Disk, int Gpu);
