namespace Tessera.Executor.Thermos;

/// <summary>The ordering constraints as a graph: for each process, the processes that must succeed before it starts.</summary>
public sealed class ProcessGraph
{
    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> _before;

    private ProcessGraph(IReadOnlyDictionary<string, IReadOnlySet<string>> before) => _before = before;

    /// <summary>The graph of <paramref name="task"/>'s constraints (each name depends on the one before it in its list).</summary>
    public static ProcessGraph Of(ThermosTask task)
    {
        var before = task.Processes.ToDictionary(p => p.Name, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var order in task.Constraints)
            for (var k = 1; k < order.Count; k++)
                if (before.TryGetValue(order[k], out var set)) set.Add(order[k - 1]);
        return new ProcessGraph(before.ToDictionary(kv => kv.Key, kv => (IReadOnlySet<string>)kv.Value, StringComparer.Ordinal));
    }

    /// <summary>The processes directly before <paramref name="name"/>.</summary>
    public IReadOnlySet<string> Before(string name) => _before.TryGetValue(name, out var set) ? set : new HashSet<string>();

    /// <summary>Every process that must succeed, directly or through others, before <paramref name="name"/>.</summary>
    public IReadOnlySet<string> AllBefore(string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(Before(name));
        while (stack.TryPop(out var next))
            if (seen.Add(next))
                foreach (var b in Before(next)) stack.Push(b);
        return seen;
    }

    /// <summary>A cycle as a list of names (first repeated at the end), or null.</summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var name in _before.Keys)
            if (Visit(name, state, path) is { } cycle) return cycle;
        return null;
    }

    private List<string>? Visit(string name, Dictionary<string, int> state, List<string> path)
    {
        if (state.TryGetValue(name, out var s))
        {
            if (s == 2) return null;
            var start = path.IndexOf(name);
            return [.. path[start..], name];
        }

        state[name] = 1;
        path.Add(name);
        foreach (var b in Before(name))
            if (Visit(b, state, path) is { } cycle) return cycle;
        path.RemoveAt(path.Count - 1);
        state[name] = 2;
        return null;
    }
}
