using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.Resources;

/// <summary>The JSON array form of <c>--resources</c>: a list of Mesos <c>Resource</c> objects.</summary>
internal static class ResourceJsonForm
{
    public static ResourceSet Parse(string text)
    {
        IReadOnlyList<Protocol.Resource> wire;
        try
        {
            wire = MesosJson.Deserialize<IReadOnlyList<Protocol.Resource>>(text);
        }
        catch (MesosJsonException e)
        {
            throw ResourceParseException.AtPath(text, IndexIn(e.Path), e.Path, e.Rule);
        }
        return ResourceWireForm.FromWire(wire, text);
    }

    /// <summary><c>$[3].name</c> → 3; 0 when the path names no element.</summary>
    private static int IndexIn(string path)
    {
        var open = path.IndexOf('[');
        var close = path.IndexOf(']');
        return open >= 0 && close > open && int.TryParse(path.AsSpan(open + 1, close - open - 1), out var i) ? i : 0;
    }
}
