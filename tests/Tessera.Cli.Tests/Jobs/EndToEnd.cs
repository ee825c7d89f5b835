using System.Text.Json.Nodes;

namespace Tessera.Cli.Tests.Jobs;

/// <summary>
/// Helpers of the end-to-end tests that drive real `tessera` processes: polling with a deadline,
/// the master's Operator API.
/// </summary>
internal static class EndToEnd
{
    /// <summary>How long a process-level step may take before the test gives up.</summary>
    public static readonly TimeSpan Start = TimeSpan.FromSeconds(60);

    public static async Task<JsonNode?> Operator(int port, string call)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{port}/api/v1"),
                new StringContent(call, System.Text.Encoding.UTF8, "application/json"));
            return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public static async Task Until(Func<Task<bool>> done, string what, Func<string>? last = null)
    {
        var deadline = DateTime.UtcNow + Start;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting for {what} {last?.Invoke()}");
            await Task.Delay(200);
        }
    }
}
