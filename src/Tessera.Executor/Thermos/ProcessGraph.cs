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
    /// <remarks>Depth-first without recursion: a task's ordering can be thousands of processes long.</remarks>
    public IReadOnlyList<string>? FindCycle()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var root in _before.Keys)
        {
            if (state.ContainsKey(root)) continue;
            var path = new List<string> { root };
            var pending = new Stack<IEnumerator<string>>();
            state[root] = 1;
            pending.Push(Before(root).GetEnumerator());
            while (pending.TryPeek(out var next))
            {
                if (!next.MoveNext())
                {
                    pending.Pop();
                    state[path[^1]] = 2;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }
                var name = next.Current;
                if (state.TryGetValue(name, out var s))
                {
                    if (s == 1) return [.. path[path.IndexOf(name)..], name];
                    continue;
                }
                state[name] = 1;
                path.Add(name);
                pending.Push(Before(name).GetEnumerator());
            }
        }
        return null;
    }
}
