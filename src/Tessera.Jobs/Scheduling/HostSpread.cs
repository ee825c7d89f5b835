namespace Tessera.Jobs.Scheduling;

/// <summary>
/// The fewest active tasks of one job on any host of this round's offers, kept as tasks are placed,
/// so that <see cref="Placement"/> can stop looking once it finds a fitting host that holds no more.
/// Recounted only when every host at the floor has taken one more (once per layer, not per task).
/// </summary>
internal sealed class HostSpread(JobKey job, OfferSlot[] slots, LimitCounter limits)
{
    private int _floor;
    private int _atFloor;
    private bool _counted;

    /// <summary>The fewest tasks of the job on one host among the offers.</summary>
    public int Floor
    {
        get
        {
            if (!_counted) Count();
            return _floor;
        }
    }

    /// <summary>A task of the job went to a host that held <paramref name="before"/> of them.</summary>
    public void Placed(int before)
    {
        if (_counted && before == _floor && --_atFloor == 0) _counted = false;
    }

    private void Count()
    {
        var counts = slots.Select(s => s.Offer.Hostname).Distinct(StringComparer.Ordinal)
            .Select(host => limits.Count(job, PlacementAttributes.Host, host)).ToList();
        _floor = counts.Count == 0 ? 0 : counts.Min();
        _atFloor = counts.Count(c => c == _floor);
        _counted = true;
    }
}
