using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Tessera.Testing.Fuzz;

/// <summary>
/// The seeded fuzz loop over every API of a <see cref="FuzzWorld"/>. Each request: a weighted
/// sample, filled and mutated by <c>Random(seed, index)</c>; sent; then the oracle: no 5xx; a 4xx
/// names a field and leaks nothing; a 4xx changes no state. The state check compares digests read
/// before and after; a change no background activity could make fails at once, any other change is
/// repeated (a refusal may be sent again: it must change nothing) and fails only if every repeat
/// changes, again, state that the call names.
/// </summary>
public sealed class FuzzRunner(FuzzWorld world, FuzzReport report)
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly StateDigest _digest = new(world.Cluster.Master.Address, world.Agent, world.Cluster.Jobs.Address);
    private readonly IReadOnlyList<FuzzSample> _samples =
        [.. MasterSamples.All, .. OperatorSamples.All, .. ExecutorAndJobsSamples.All];
    private readonly FuzzReport _report = report;
    private readonly int _seed = report.Seed;
    private IReadOnlyList<string>? _settled;

    /// <summary>Sends requests <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1 of the seed's sequence.</summary>
    public async Task<FuzzReport> RunAsync(int first, int count, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        for (var i = first; i < first + count; i++)
        {
            _keeping.Start();
            await KeepWorldAsync(i, ct).ConfigureAwait(false);
            _keeping.Stop();
            await OneAsync(i, ct).ConfigureAwait(false);
            _report.Requests++;
            if ((i + 1) % 10_000 == 0) _report.Progress(clock.Elapsed);
        }
        _report.Elapsed += clock.Elapsed;
        _report.Timing = $"sending {_sending.Elapsed.TotalSeconds:0.0} s, {_digests} state digests " +
            $"{_reading.Elapsed.TotalSeconds:0.0} s, repeats {_rechecking.Elapsed.TotalSeconds:0.0} s, " +
            $"keeping the world {_keeping.Elapsed.TotalSeconds:0.0} s (last cluster)";
        return _report;
    }

    private async Task OneAsync(int index, CancellationToken ct)
    {
        var random = new Random(unchecked((_seed * 1_000_003) ^ index));
        var sample = Pick(random);
        sample = sample with { Path = Fill(sample.Path, index, random) };
        var request = RequestMaker.Make(sample, t => Fill(t, index, random), world.Framework.Values.GetValueOrDefault("stream_id"), random);
        var server = world.BaseOf(sample.Target);
        var before = _settled ?? await DigestAsync(ct).ConfigureAwait(false);
        var (status, answer) = await SendAsync(server, request, ct).ConfigureAwait(false);
        _report.ByStatus[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = _report.ByStatus.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) + 1;
        if (status >= 500)
        {
            _report.ServerErrors++;
            _report.Fail("server error", index, request, server, status, answer);
            _settled = null;
            return;
        }
        if (status < 400)
        {
            _report.Accepted++;
            // A query's body holds no other call type to mutate into: its success changed nothing.
            if (!sample.ReadOnly) _settled = null;
            return;
        }
        _report.Refusals++;
        if (FuzzOracle.RefusalProblem(answer) is { } bad)
        {
            _report.BadRefusals++;
            _report.Fail("refusal " + bad, index, request, server, status, answer);
        }
        var after = await DigestAsync(ct).ConfigureAwait(false);
        _settled = after;
        if (after.SequenceEqual(before)) return;
        _rechecking.Start();
        await ChangedAsync(index, request, server, status, answer, before, after, ct).ConfigureAwait(false);
        _rechecking.Stop();
    }

    private async Task ChangedAsync(int index, FuzzRequest request, Uri server, int status, string answer,
        IReadOnlyList<string> before, IReadOnlyList<string> after, CancellationToken ct)
    {
        if (StateDigest.CertainChanges(before, after) is { Count: > 0 } certain)
        {
            _report.StateChangesOnRefusal++;
            _report.Fail("state changed on refusal", index, request, server, status, answer, string.Join("\n", certain));
            return;
        }
        // Background activity moves tasks, agents and offers all the time. A change counts only when
        // it touches what the call names (its ids, roles, keys) and comes back with every repeat.
        var named = RequestNames.Of(request);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var settled = await SettledAsync(ct).ConfigureAwait(false);
            var (again, _) = await SendAsync(server, request, ct).ConfigureAwait(false);
            var now = await DigestAsync(ct).ConfigureAwait(false);
            _settled = now;
            if (again < 400 || again >= 500 || !RequestNames.Touched(named, settled, now))
            {
                _report.RecheckedNoise++;
                return;
            }
        }
        _report.StateChangesOnRefusal++;
        _report.Fail("state changed on refusal (three repeats)", index, request, server, status, answer,
            StateDigest.Diff(before, after));
    }

    /// <summary>A digest once two reads 10 ms apart agree (at most 100 reads): background activity has settled.</summary>
    private async Task<IReadOnlyList<string>> SettledAsync(CancellationToken ct)
    {
        var last = await DigestAsync(ct).ConfigureAwait(false);
        for (var i = 0; i < 100; i++)
        {
            await Task.Delay(10, ct).ConfigureAwait(false);
            var next = await DigestAsync(ct).ConfigureAwait(false);
            if (next.SequenceEqual(last)) return next;
            last = next;
        }
        return last;
    }

    private readonly Stopwatch _sending = new();
    private readonly Stopwatch _keeping = new();
    private readonly Stopwatch _rechecking = new();
    private readonly Stopwatch _reading = new();
    private int _digests;

    private async Task<IReadOnlyList<string>> DigestAsync(CancellationToken ct)
    {
        _reading.Start();
        try
        {
            _digests++;
            return await _digest.ReadAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            _reading.Stop();
        }
    }

    private async Task<(int Status, string Answer)> SendAsync(Uri server, FuzzRequest request, CancellationToken ct)
    {
        _sending.Start();
        try
        {
            return await SendOnceAsync(server, request, ct).ConfigureAwait(false);
        }
        finally
        {
            _sending.Stop();
        }
    }

    private async Task<(int Status, string Answer)> SendOnceAsync(Uri server, FuzzRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(server, request.Sample.Path)) { Content = new ByteArrayContent(request.Body) };
        if (request.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        if (request.StreamId is not null) message.Headers.TryAddWithoutValidation("Mesos-Stream-Id", request.StreamId);
        if (request.Accept is not null) message.Headers.TryAddWithoutValidation("Accept", request.Accept);
        if (request.Sample.Accept is "application/recordio") message.Headers.TryAddWithoutValidation("Message-Accept", "application/json");
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        // A success may be an endless stream (SUBSCRIBE, a session): its headers are the answer.
        if (status < 300) return (status, "");
        using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var buffer = new byte[64 * 1024];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false)) > 0) length += read;
        return (status, Encoding.UTF8.GetString(buffer, 0, length));
    }

    private FuzzSample Pick(Random random)
    {
        var total = _samples.Sum(s => s.Weight);
        var at = random.NextDouble() * total;
        foreach (var sample in _samples)
        {
            if (at < sample.Weight) return sample;
            at -= sample.Weight;
        }
        return _samples[^1];
    }

    private string Fill(string template, int index, Random random)
    {
        var text = new StringBuilder(world.Framework.Fill(template));
        text.Replace("{{unique}}", $"{_seed}-{index}").Replace("{{job}}", random.Next(4).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var uuid = new byte[16];
        random.NextBytes(uuid);
        text.Replace("{{unique_uuid}}", Convert.ToBase64String(uuid));
        return text.ToString();
    }

    /// <summary>Resubscribes a torn-down framework; every 500 requests checks the residents and kills the jobs that piled up.</summary>
    private async Task KeepWorldAsync(int index, CancellationToken ct)
    {
        // Twice: the request before may have ended the event stream without the client having read
        // the end yet; the restore then meets "not subscribed" and finds the stream closed.
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            try
            {
                await RestoreWorldAsync(index, ct).ConfigureAwait(false);
                break;
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException)
            {
                _settled = null;
                if (attempt == 1 && await world.Framework.EndsWithinAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false))
                    continue;
                // The fuzzing goes on without fresh residents (their samples are refused); tried again later.
                _report.WorldTrouble(index, e.Message);
            }
        }
        if (index % 500 != 499) return;
        for (var job = 0; job < 4; job++)
        {
            using var reply = await _http.PostAsync(new Uri(world.Cluster.Jobs.Address, $"/api/jobs/fuzz/www/prod/fuzz-{job}/killall"), null, ct).ConfigureAwait(false);
        }
        _settled = null;
    }

    private async Task RestoreWorldAsync(int index, CancellationToken ct)
    {
        if (!world.Framework.Connected)
        {
            _report.Resubscriptions++;
            await world.RestoreAsync(ct).ConfigureAwait(false);
            _settled = null;
        }
        if (index % 500 == 499)
        {
            await world.EnsureResidentsAsync(ct).ConfigureAwait(false);
            _settled = null;
        }
    }
}
