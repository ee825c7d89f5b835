namespace Tessera.Jobs.Scheduling;

/// <summary>An offer's resources still free during one <see cref="Placement.Decide"/> round (owned by that call).</summary>
internal sealed class OfferSlot
{
    private readonly PortRange[] _ranges;
    private readonly HashSet<int> _usedPorts = [];

    public OfferSlot(PlacementOffer offer)
    {
        Offer = offer;
        Cpus = offer.Cpus;
        RamMb = offer.RamMb;
        DiskMb = offer.DiskMb;
        Gpus = offer.Gpus;
        _ranges = offer.Ports.IsDefaultOrEmpty ? [] : [.. offer.Ports.Where(r => r.Count > 0).OrderBy(r => r.Begin)];
        FreePorts = Overlaps(_ranges) ? DistinctPorts(_ranges) : _ranges.Sum(r => r.Count);
        Dedicated = offer.Attribute(PlacementAttributes.Dedicated);
    }

    public PlacementOffer Offer { get; }

    public string? Dedicated { get; }

    public double Cpus { get; private set; }

    public long RamMb { get; private set; }

    public long DiskMb { get; private set; }

    public double Gpus { get; private set; }

    public int FreePorts { get; private set; }

    /// <summary>Takes the resources and the lowest free port numbers, one per name.</summary>
    public int[] Take(TaskResources resources, int ports)
    {
        Cpus -= resources.Cpus;
        RamMb -= resources.RamMb;
        DiskMb -= resources.DiskMb;
        Gpus -= resources.Gpus;
        var picked = new int[ports];
        var n = 0;
        foreach (var range in _ranges)
        {
            for (var port = range.Begin; port <= range.End && n < ports; port++)
            {
                if (_usedPorts.Add(port))
                    picked[n++] = port;
            }
            if (n == ports)
                break;
        }
        FreePorts -= ports;
        return picked;
    }

    private static bool Overlaps(PortRange[] sorted)
    {
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Begin <= sorted[i - 1].End)
                return true;
        }
        return false;
    }

    private static int DistinctPorts(PortRange[] sorted)
    {
        var count = 0;
        var next = int.MinValue;
        foreach (var range in sorted)
        {
            var begin = Math.Max(range.Begin, next);
            if (range.End >= begin)
                count += range.End - begin + 1;
            next = Math.Max(next, range.End + 1);
        }
        return count;
    }
}
