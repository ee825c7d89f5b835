using System.Text;

namespace Tessera.Testing.Fuzz;

/// <summary>One request as sent: the sample it came from, what was mutated, the bytes and headers.</summary>
public sealed record FuzzRequest(FuzzSample Sample, string Mutation, byte[] Body, string? ContentType, string? StreamId, string? Accept)
{
    /// <summary>The request as a shell line a developer can paste (body cut at 2,000 bytes).</summary>
    public string ToCurl(Uri server)
    {
        var body = Body.Length > 2000 ? Body[..2000] : Body;
        var text = Encoding.UTF8.GetString(body).Replace("'", "'\\''", StringComparison.Ordinal);
        var headers = (ContentType is null ? "" : $" -H 'Content-Type: {ContentType}'")
            + (StreamId is null ? "" : $" -H 'Mesos-Stream-Id: {StreamId}'") + (Accept is null ? "" : $" -H 'Accept: {Accept}'");
        return $"curl -X POST {new Uri(server, Sample.Path)}{headers} --data-binary '{text}'{(Body.Length > 2000 ? " # cut" : "")}";
    }
}
