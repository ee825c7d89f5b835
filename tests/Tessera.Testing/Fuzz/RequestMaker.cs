using System.Text;

namespace Tessera.Testing.Fuzz;

/// <summary>
/// Turns a sample into the request to send: the template filled with the world's current values,
/// then mutated (body, headers, or rarely nothing: a valid call must keep working). Pure apart from
/// the random source, so a seed and an index name one request.
/// </summary>
public static class RequestMaker
{
    private static readonly string?[] ContentTypes =
        [null, "", "application/jsonx", "text/plain", "application/x-protobuf", "application/json; charset=latin1", "APPLICATION/JSON", "application/json;charset=UTF-8", "multipart/form-data"];

    private static readonly string[] EmptyBodies = ["{}", "null", "[]", "x", "\"\"", "{\"instances\":null}", "0"];

    public static FuzzRequest Make(FuzzSample sample, Func<string, string> fill, string? streamId, Random random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(fill);
        var json = fill(sample.Body);
        var contentType = sample.Body.Length == 0 ? null : "application/json";
        var stream = sample.StreamId ? streamId : null;
        var roll = random.Next(100);
        if (roll < 3) return new(sample, "none", Encoding.UTF8.GetBytes(json), contentType, stream, sample.Accept);
        if (roll < 12)
        {
            var header = random.Next(3);
            return header switch
            {
                0 => new(sample, "content-type", Encoding.UTF8.GetBytes(json), ContentTypes[random.Next(ContentTypes.Length)], stream, sample.Accept),
                1 => new(sample, "stream-id", Encoding.UTF8.GetBytes(json), contentType, random.Next(2) == 0 ? null : "not-" + streamId, sample.Accept),
                _ => new(sample, "accept", Encoding.UTF8.GetBytes(json), contentType, stream, random.Next(2) == 0 ? "application/x-protobuf" : "text/html;q=1, application/json;q=0"),
            };
        }
        if (json.Length == 0)
            return new(sample, "body", Encoding.UTF8.GetBytes(EmptyBodies[random.Next(EmptyBodies.Length)]), "application/json", stream, sample.Accept);
        return new(sample, "body", JsonMutator.Mutate(json, random), contentType, stream, sample.Accept);
    }
}
