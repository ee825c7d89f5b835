namespace Tessera.Http;

/// <summary>
/// What one endpoint accepts as a request body: at most <see cref="MaxBytes"/>, JSON by its
/// Content-Type, and whether an empty body is allowed (a call whose body is optional).
/// </summary>
/// <param name="Api">How errors name the endpoint's API, e.g. "the Scheduler API".</param>
/// <param name="MaxBytes">The largest body read; a larger one is 413 before it is buffered.</param>
/// <param name="EmptyAllowed">An empty body (and then no Content-Type) is fine.</param>
/// <param name="CheckAccept">Refuse (406) an Accept header that rules JSON out.</param>
/// <param name="AlsoAccepted">
/// Another media type an Accept may name instead (the Scheduler API's streams: <c>application/recordio</c>).
/// </param>
public sealed record BodyRules(string Api, int MaxBytes, bool EmptyAllowed = false, bool CheckAccept = true,
    string? AlsoAccepted = null)
{
    /// <summary>Bodies this large or larger count as large (<see cref="LargeBodies"/>).</summary>
    public const int LargeBodyBytes = 1024 * 1024;
}
