namespace Tessera.Jobs.Config;

/// <summary>
/// The HTTP health checker: GET <c>endpoint</c> (/health) on the <c>health</c> port, expecting
/// <c>expected_response</c> (ok, case-insensitive; empty = don't check) and
/// <c>expected_response_code</c> (0 = any). <c>Url</c> is Tessera's: an absolute URL probed
/// instead (the simplified form's <c>HealthCheck(url=...)</c>).
/// </summary>
public sealed record HttpHealthCheckerConfig(
    string Endpoint = "/health",
    string ExpectedResponse = "ok",
    int ExpectedResponseCode = 0,
    string? Url = null)
{
    public static readonly HttpHealthCheckerConfig Default = new();
}
