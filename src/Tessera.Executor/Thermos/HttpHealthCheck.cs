namespace Tessera.Executor.Thermos;

/// <summary>
/// Aurora's HTTP checker: GET <paramref name="uri"/>; passes when the status is
/// <c>expected_response_code</c> (0: any 2xx) and the body, trimmed, equals <c>expected_response</c>
/// ignoring case (empty: any body).
/// </summary>
public sealed class HttpHealthCheck(HttpClient http, Uri uri, HttpCheckSpec spec) : IHealthCheck
{
    /// <inheritdoc />
    public string Name { get; } = "HTTP health check GET " + uri;

    /// <inheritdoc />
    public async Task<(bool Passed, string Detail)> CheckAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.GetAsync(uri, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            if (spec.ExpectedResponseCode != 0 ? code != spec.ExpectedResponseCode : !response.IsSuccessStatusCode)
                return (false, $"status {code}" + (spec.ExpectedResponseCode != 0 ? $", expected {spec.ExpectedResponseCode}" : ""));
            if (spec.ExpectedResponse.Length > 0 && !string.Equals(body.Trim(), spec.ExpectedResponse, StringComparison.OrdinalIgnoreCase))
                return (false, $"status {code}, body '{Clip(body.Trim())}', expected '{spec.ExpectedResponse}'");
            return (true, $"status {code}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (false, $"no answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException ex)
        {
            return (false, ex.Message);
        }
    }

    private static string Clip(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
