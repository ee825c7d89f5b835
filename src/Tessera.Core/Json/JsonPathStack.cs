using System.Text;

namespace Tessera.Core.Json;

/// <summary>
/// Where a forward JSON reader is, as a JSON path (<c>$.a.b[1]</c>), with the names seen so far in
/// each open object (for duplicate keys). Name sets are pooled per depth so a read allocates them once.
/// </summary>
internal sealed class JsonPathStack
{
    private readonly List<Frame> _frames = [];
    private readonly List<HashSet<string>> _namePool = [];
    private readonly HashSet<string> _interned = new(StringComparer.Ordinal);

    /// <summary>The innermost open container is an array.</summary>
    public bool InArray => _frames.Count > 0 && _frames[^1].Names is null;

    public void PushObject()
    {
        var depth = _frames.Count;
        while (_namePool.Count <= depth) _namePool.Add(new HashSet<string>(StringComparer.Ordinal));
        var names = _namePool[depth];
        names.Clear();
        _frames.Add(new Frame(names, null, -1));
    }

    public void PushArray() => _frames.Add(new Frame(null, null, -1));

    public void Pop() => _frames.RemoveAt(_frames.Count - 1);

    /// <summary>A value starts: in an array it is the next element.</summary>
    public void Element()
    {
        if (!InArray) return;
        var top = _frames[^1];
        _frames[^1] = top with { Index = top.Index + 1 };
    }

    /// <summary>The one string of this read for <paramref name="name"/>.</summary>
    public string Intern(ReadOnlySpan<char> name)
    {
        var lookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(name, out var known)) return known;
        var text = name.ToString();
        _interned.Add(text);
        return text;
    }

    /// <summary>
    /// Records <paramref name="name"/> as the current property; false when the object had it already.
    /// </summary>
    public bool AddName(string name)
    {
        var top = _frames[^1];
        _frames[^1] = top with { Name = name };
        return top.Names!.Add(name);
    }

    public override string ToString()
    {
        var path = new StringBuilder("$");
        foreach (var frame in _frames)
        {
            if (frame.Names is null)
            {
                if (frame.Index >= 0) path.Append('[').Append(frame.Index).Append(']');
            }
            else if (frame.Name is { } name)
            {
                AppendName(path, name);
            }
        }
        return path.ToString();
    }

    private static void AppendName(StringBuilder path, string name)
    {
        if (name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            path.Append('.').Append(name);
        else
            path.Append("['").Append(StrictJson.Printable(name).Replace("'", "\\'", StringComparison.Ordinal))
                .Append("']");
    }

    private record struct Frame(HashSet<string>? Names, string? Name, int Index);
}
