using System.Text;
using Tessera.Cli.Client;

namespace Tessera.Cli.Run;

/// <summary>
/// Follows a task's <c>stdout</c> and <c>stderr</c> through the agent's files API
/// (<c>GET /files/read?path=/frameworks/&lt;fw&gt;/executors/&lt;task&gt;/runs/latest/stdout&amp;offset=N</c>)
/// and copies them to the terminal, stdout to stdout and stderr to stderr, each line prefixed when a
/// prefix is given. Polls until <see cref="Finish"/>, then reads to the end once more.
/// </summary>
internal sealed class SandboxTail
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly AgentFilesClient _files;
    private readonly string _sandbox;
    private readonly TimeProvider _time;
    private readonly FileFollower _stdout;
    private readonly FileFollower _stderr;
    private readonly CancellationTokenSource _finish = new();

    public SandboxTail(Uri agent, string frameworkId, string taskId, TextWriter stdout, TextWriter stderr, string? prefix, TimeProvider time)
    {
        _files = new AgentFilesClient(agent);
        _sandbox = $"/frameworks/{frameworkId}/executors/{taskId}/runs/latest";
        _time = time;
        _stdout = new FileFollower("stdout", new LinePrefixer(stdout, prefix));
        _stderr = new FileFollower("stderr", new LinePrefixer(stderr, prefix));
    }

    /// <summary>The virtual sandbox path the tail reads from.</summary>
    public string Sandbox => _sandbox;

    /// <summary>Asks the tail to read what is left and stop (the task has ended).</summary>
    public void Finish() => _finish.Cancel();

    /// <summary>Polls until finished (then drains) or until <paramref name="abort"/>.</summary>
    public async Task RunAsync(CancellationToken abort)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(abort, _finish.Token);
        try
        {
            while (!both.IsCancellationRequested)
            {
                await PollAsync(both.Token);
                await Task.Delay(PollInterval, _time, both.Token);
            }
        }
        catch (OperationCanceledException) when (both.IsCancellationRequested)
        {
        }
        if (abort.IsCancellationRequested) return;
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(abort);
        drain.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await PollAsync(drain.Token);
        }
        catch (OperationCanceledException)
        {
        }
        _stdout.Output.Flush();
        _stderr.Output.Flush();
        _files.Dispose();
    }

    private async Task PollAsync(CancellationToken ct)
    {
        await ReadAsync(_stdout, ct);
        await ReadAsync(_stderr, ct);
    }

    /// <summary>Reads pages until the end of the file; a missing sandbox or a refused read is tried again next poll.</summary>
    private async Task ReadAsync(FileFollower file, CancellationToken ct)
    {
        while (true)
        {
            FileChunk? chunk;
            try
            {
                chunk = await _files.ReadAsync($"{_sandbox}/{file.Name}", file.Offset, -1, ct);
            }
            catch (CliException)
            {
                // The agent is unreachable or refuses for now: the next poll tries again.
                return;
            }
            if (chunk is null || chunk.Data.Length == 0) return;
            // A character cut at the page boundary reads as U+FFFD: read its bytes again next time.
            var whole = chunk.Data.TrimEnd('\uFFFD');
            if (whole.Length == 0) return;
            file.Offset += Encoding.UTF8.GetByteCount(whole);
            file.Output.Write(whole);
        }
    }

    private sealed class FileFollower(string name, LinePrefixer output)
    {
        public string Name { get; } = name;
        public LinePrefixer Output { get; } = output;
        public long Offset { get; set; }
    }
}
