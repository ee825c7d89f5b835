using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tessera.Cli.Tests.Dev;

namespace Tessera.Cli.Tests.Hardening;

/// <summary>
/// Regression for reliability-probe finding 6: four 50 MB bodies left a dev cluster 770 MB larger
/// for good. A real <c>tessera master</c> process now refuses a body over its API's limit before
/// buffering it, and gives the memory of large bodies it did read back once it is quiet.
/// </summary>
public sealed class LargeBodyMemoryTests
{
    [Fact]
    public async Task BodiesOverTheLimitAreRefusedUnreadAndLargeOnesLeaveNoMemoryBehind()
    {
        var data = Directory.CreateTempSubdirectory("tessera-memory-").FullName;
        var port = TesseraProcess.FreePorts(1);
        await using var master = TesseraProcess.Start("master", "--port", port.ToString(CultureInfo.InvariantCulture), "--work-dir", data, "--registry", "in_memory");
        await master.WaitForOutputAsync("listening on", TimeSpan.FromSeconds(30));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        // A few small calls first, so the baseline includes a warmed-up server.
        for (var i = 0; i < 20; i++) await PostAsync(http, "/api/v1", Encoding.UTF8.GetBytes("""{"type":"GET_HEALTH"}"""));
        await Task.Delay(500);
        var baseline = RssMb(master.Pid);

        var over = Body(50);
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync(http, "/api/v1", over));
        var justUnder = Body(15);
        for (var i = 0; i < 8; i++)
            Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(http, "/api/v1/scheduler", justUnder));

        var settled = await SettledRssMbAsync(master.Pid, baseline + 64, TimeSpan.FromSeconds(20));
        Assert.True(settled <= baseline + 64,
            $"the master held {settled:0} MB after the large bodies, {baseline:0} MB before (at most 64 MB more allowed)");
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A JSON call of about <paramref name="megabytes"/> MB (a long unknown field): parsed whole, then refused.</summary>
    private static byte[] Body(int megabytes) =>
        Encoding.UTF8.GetBytes("{\"type\":\"SUBSCRIBE\",\"padding\":\"" + new string('a', megabytes * 1024 * 1024 - 64) + "\"}");

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var reply = await http.PostAsync(path, content);
            return reply.StatusCode;
        }
        catch (HttpRequestException)
        {
            // A server may answer 413 and close before the client has sent the whole body.
            return HttpStatusCode.RequestEntityTooLarge;
        }
    }

    /// <summary>RSS once it is at or under <paramref name="goal"/>, or the last reading after <paramref name="timeout"/>.</summary>
    private static async Task<double> SettledRssMbAsync(int pid, double goal, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        double rss;
        while ((rss = RssMb(pid)) > goal && DateTime.UtcNow < deadline) await Task.Delay(250);
        return rss;
    }

    private static double RssMb(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        throw new InvalidOperationException($"no VmRSS for {pid}");
    }
}
