using Microsoft.AspNetCore.Http;
using Tessera.Core.Json;
using Tessera.Core.Protocol.Json;

namespace Tessera.Http;

/// <summary>A Mesos v1 call body: <see cref="JsonBody"/> with <see cref="MesosJson"/> as the decoder.</summary>
public static class MesosBody
{
    public static Task<BodyRead<T>> ReadAsync<T>(HttpContext http, BodyRules rules) where T : class =>
        JsonBody.ReadAsync(http, rules, Decode<T>);

    /// <summary>
    /// Decodes a whole body; a refusal reads <c>accept.operations[1]: must be an object, not null</c>.
    /// </summary>
    public static BodyRead<T> Decode<T>(ReadOnlyMemory<byte> body) where T : class
    {
        try
        {
            return BodyRead<T>.Ok(MesosJson.Deserialize<T>(body.Span));
        }
        catch (MesosJsonException e)
        {
            return BodyRead<T>.Refused(400, $"{JsonPaths.Field(e.Path)}: {e.Rule}");
        }
    }
}
