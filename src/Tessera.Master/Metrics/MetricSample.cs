namespace Tessera.Master.Metrics;

/// <summary>One metric read at one moment: its Mesos name (<c>master/elected</c>), value and kind.</summary>
internal readonly record struct MetricSample(string Name, double Value, MetricKind Kind);
