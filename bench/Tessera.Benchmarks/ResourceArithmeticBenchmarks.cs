using BenchmarkDotNet.Attributes;
using Tessera.Core.Resources;

namespace Tessera.Benchmarks;

/// <summary>Resource arithmetic on the allocator's hot path: what one agent/offer step costs.</summary>
[MemoryDiagnoser]
public class ResourceArithmeticBenchmarks
{
    private readonly ResourceSet _agent = ResourceSet.Parse("cpus:32;mem:131072;disk:1000000;ports:[31000-32000];cpus(ops):4;mem(ops):8192");
    private readonly ResourceSet _task = ResourceSet.Parse("cpus:0.5;mem:512;disk:1024;ports:[31000-31000]");
    private readonly ResourceSet _free;
    private readonly ResourceQuantities _refused = ResourceSet.Parse("cpus:32;mem:131072;disk:1000000;ports:[31000-32000]").Quantities;

    public ResourceArithmeticBenchmarks() => _free = _agent - _task;

    /// <summary>Giving a task's resources back to an agent (ports must not overlap, so add to what is free).</summary>
    [Benchmark]
    public ResourceSet Add() => _free + _task;

    [Benchmark]
    public ResourceSet Subtract() => _agent - _task;

    [Benchmark]
    public bool Contains() => _agent.Contains(_task);

    [Benchmark]
    public ResourceSet AllocatableTo() => _agent.AllocatableTo("web");

    [Benchmark]
    public ResourceQuantities Quantities() => ResourceQuantities.Of(_agent);

    [Benchmark]
    public bool QuantitiesContain() => _refused.Contains(_task.Quantities);

    [Benchmark]
    public ResourceSet ParseText() => ResourceSet.Parse("cpus:4;mem:8192;disk(ops):100;ports:[31000-32000,40000-40010]");
}
