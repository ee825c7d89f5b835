using System.Diagnostics.Metrics;

namespace Tessera.Master.Metrics;

/// <summary>
/// Publishes the master's metrics through System.Diagnostics.Metrics (meter <c>Tessera.Master</c>):
/// observable gauges and counters that read the latest snapshot, so OpenTelemetry or
/// <c>dotnet-counters</c> see the same numbers as <c>/metrics</c>. The aggregates are computed once per
/// snapshot, not once per instrument.
/// </summary>
internal sealed class MasterMeter : IDisposable
{
    public const string MeterName = "Tessera.Master";

    private readonly Meter _meter = new(MeterName, typeof(MasterMeter).Assembly.GetName().Version?.ToString(3));
    private readonly Func<Snapshots.MasterSnapshot?> _latest;
    private readonly Func<MasterCounters?> _counters;
    private readonly Func<bool> _elected;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private MetricsInput? _cached;
    private Snapshots.MasterSnapshot? _source;

    public MasterMeter(Func<Snapshots.MasterSnapshot?> latest, Func<MasterCounters?> counters, Func<bool> elected, TimeProvider clock)
    {
        _latest = latest;
        _counters = counters;
        _elected = elected;
        _clock = clock;
        foreach (var (name, kind) in MetricsMap.Names)
        {
            if (kind == MetricKind.Counter)
                _meter.CreateObservableCounter(name, () => Observe(name));
            else
                _meter.CreateObservableGauge(name, () => Observe(name));
        }
    }

    public Meter Meter => _meter;

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<double>> Observe(string name)
    {
        var input = Current();
        return input is null ? [] : [new Measurement<double>(MetricsMap.Read(input, name))];
    }

    private MetricsInput? Current()
    {
        var fresh = _latest();
        var counters = _counters() ?? fresh?.Counters;
        lock (_gate)
        {
            if (fresh is not null && counters is not null
                && (_cached is null || !ReferenceEquals(_source, fresh) || !ReferenceEquals(_cached.Counters, counters)))
            {
                _source = fresh;
                _cached = new MetricsInput(fresh with { Counters = counters }, _elected(), _clock.GetUtcNow());
            }
            return _cached;
        }
    }
}
