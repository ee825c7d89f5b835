using Tessera.Core.Resources;

namespace Tessera.Core.Allocation.Sorting;

/// <summary>
/// A weighted random order, drawn anew at every <see cref="Sorted"/> call (once per agent, as Mesos'
/// random sorter sorts per agent): a client of weight 2 comes first twice as often as one of weight 1.
/// Uses exponential keys (−ln U / w), which gives exactly that weighted sampling without replacement.
/// </summary>
public sealed class RandomSorter(Random random) : ISorter
{
    private readonly Dictionary<string, (double Weight, ResourceQuantities Allocation)> _clients = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    public int Count => _clients.Count;

    public void Add(string client, double weight, ResourceQuantities allocation)
    {
        if (weight <= 0 || !double.IsFinite(weight))
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "weight must be a positive number");
        _clients.Add(client, (weight, allocation));
        _names.Add(client);
    }

    public bool Contains(string client) => _clients.ContainsKey(client);

    public void Allocate(string client, ResourceQuantities delta)
    {
        var c = _clients[client];
        _clients[client] = (c.Weight, c.Allocation + delta);
    }

    public ResourceQuantities AllocationOf(string client) => _clients[client].Allocation;

    public double ShareOf(string client) => 0;

    public IEnumerable<string> Sorted()
    {
        var queue = new PriorityQueue<string, double>(_names.Count);
        foreach (var name in _names)
            queue.Enqueue(name, -Math.Log(1.0 - random.NextDouble()) / _clients[name].Weight);
        while (queue.TryDequeue(out var name, out _))
            yield return name;
    }
}
