using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Tessera.Http;

/// <summary>
/// The one way our hosts read a JSON request body, in Mesos' order: Accept (406), Content-Type
/// (400 when missing, 415 when not JSON), size (413 before buffering), emptiness (400), then the
/// API's own decoder, which refuses (400) with the field's path and the rule. Nothing is decoded
/// until the whole body is in, so a refusal never follows a partial effect.
/// </summary>
public static class JsonBody
{
    /// <summary>Reads and decodes the body of <paramref name="http"/> by <paramref name="rules"/>.</summary>
    /// <param name="decode">The API's decoder; gets the whole body (empty only when the rules allow it).</param>
    public static async Task<BodyRead<T>> ReadAsync<T>(HttpContext http, BodyRules rules,
        Func<ReadOnlyMemory<byte>, BodyRead<T>> decode)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(decode);
        var request = http.Request;
        if (rules.CheckAccept && !MediaTypes.Accepts(request.Headers.Accept)
            && !(rules.AlsoAccepted is { } also && MediaTypes.Accepts(request.Headers.Accept, also)))
            return BodyRead<T>.Refused(406, $"Accept: {rules.Api} answers {MediaTypes.Json} only");
        var declaredEmpty = request.ContentLength == 0
            || http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false;
        if (!(rules.EmptyAllowed && declaredEmpty) && MediaTypes.CheckJsonContentType(request.ContentType) is { } bad)
            return BodyRead<T>.Refused(bad.Status, bad.Problem);
        var body = await BoundedBody.ReadAsync(request.Body, request.ContentLength, rules.MaxBytes, http.RequestAborted)
            .ConfigureAwait(false);
        if (body is not { } bytes)
            return BodyRead<T>.Refused(413, $"body: larger than {rules.MaxBytes} bytes, the most {rules.Api} takes");
        if (bytes.Count >= BodyRules.LargeBodyBytes) LargeBodies.Seen(bytes.Count);
        if (bytes.Count == 0 && !rules.EmptyAllowed)
            return BodyRead<T>.Refused(400, "body: required; send a JSON object");
        return decode(bytes);
    }
}
