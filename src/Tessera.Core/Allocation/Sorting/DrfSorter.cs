using Tessera.Core.Resources;

namespace Tessera.Core.Allocation.Sorting;

/// <summary>
/// Weighted Dominant Resource Fairness. A client's dominant share is the largest fraction of the
/// cluster total it holds of any one resource (names in the excluded set don't count); divided by
/// its weight it orders the clients, lowest first. Ties go to the client allocated fewer times in
/// this cycle, then to the lower name, so equal clients take turns and the order is deterministic.
/// Kept in a sorted set so one allocation re-orders in O(log n).
/// </summary>
public sealed class DrfSorter : ISorter
{
    private readonly ResourceQuantities _total;
    private readonly IReadOnlySet<string> _excluded;
    private readonly Dictionary<string, Client> _clients = new(StringComparer.Ordinal);
    private readonly SortedSet<Client> _order = new(ClientOrder.Instance);

    public DrfSorter(ResourceQuantities total, IReadOnlySet<string> excludedNames)
    {
        _total = total;
        _excluded = excludedNames;
    }

    public int Count => _clients.Count;

    public void Add(string client, double weight, ResourceQuantities allocation)
    {
        if (weight <= 0 || !double.IsFinite(weight))
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "weight must be a positive number");
        var c = new Client(client, weight) { Allocation = allocation };
        c.Share = Share(c);
        _clients.Add(client, c);
        _order.Add(c);
    }

    public bool Contains(string client) => _clients.ContainsKey(client);

    public void Allocate(string client, ResourceQuantities delta)
    {
        var c = _clients[client];
        _order.Remove(c);
        c.Allocation += delta;
        c.Allocations++;
        c.Share = Share(c);
        _order.Add(c);
    }

    public ResourceQuantities AllocationOf(string client) => _clients[client].Allocation;

    public double ShareOf(string client) => _clients[client].Share;

    public IEnumerable<string> Sorted()
    {
        foreach (var c in _order)
            yield return c.Name;
    }

    private double Share(Client c)
    {
        var dominant = 0.0;
        foreach (var (name, amount) in c.Allocation.Entries)
        {
            if (_excluded.Contains(name)) continue;
            var total = _total[name];
            if (total.IsZero) continue;
            dominant = Math.Max(dominant, (double)amount.Milli / total.Milli);
        }
        return dominant / c.Weight;
    }

    private sealed class Client(string name, double weight)
    {
        public string Name { get; } = name;
        public double Weight { get; } = weight;
        public ResourceQuantities Allocation { get; set; } = ResourceQuantities.Empty;
        public double Share { get; set; }
        public int Allocations { get; set; }
    }

    private sealed class ClientOrder : IComparer<Client>
    {
        public static readonly ClientOrder Instance = new();

        public int Compare(Client? x, Client? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            var byShare = x!.Share.CompareTo(y!.Share);
            if (byShare != 0) return byShare;
            var byCount = x.Allocations.CompareTo(y.Allocations);
            return byCount != 0 ? byCount : string.CompareOrdinal(x.Name, y.Name);
        }
    }
}
