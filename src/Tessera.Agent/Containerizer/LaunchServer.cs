using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Tessera.Agent.Containerizer;

/// <summary>
/// The launcher run once as a server (<c>tessera-launch --serve</c>) that clones each container's
/// process straight into its namespaces: no .NET <see cref="Process.Start(ProcessStartInfo)"/>, no
/// exec of the launcher, no unshare per container (the protocol is in the launcher's source). One server per
/// launcher binary and agent process, started on first use and again after it has died; containers
/// of a server that died are watched by polling their pid, as re-attached ones are.
/// </summary>
/// <remarks>
/// A launch writes its request and reads its answer under one lock (the server answers each request
/// right after its fork). Exits arrive on a second pipe, read by one thread that completes the
/// containers' <see cref="Launched.Exited"/>.
/// </remarks>
internal sealed class LaunchServer
{
    private static readonly ConcurrentDictionary<string, LaunchServer> Servers = new(StringComparer.Ordinal);

    private const int TitleRoom = 4096;

    /// <summary>The largest request the server reads (MAX_REQUEST in the launcher); larger would end the server.</summary>
    internal const int MaxRequest = 4 << 20;

    private readonly string _launcher;
    private readonly object _gate = new();
    private Session? _session;
    private long _sequence;

    private LaunchServer(string launcher) => _launcher = launcher;

    /// <summary>The server for <paramref name="launcher"/> in this process.</summary>
    public static LaunchServer For(string launcher) => Servers.GetOrAdd(launcher, l => new LaunchServer(l));

    /// <summary>The running server's pid, or null while none runs.</summary>
    public int? ServerPid
    {
        get
        {
            lock (_gate) return _session is { Ended: false } live ? live.Process.Id : null;
        }
    }

    /// <summary>
    /// Starts a container's process with <paramref name="arguments"/> (the launcher's options,
    /// <c>--</c>, the command) and exactly <paramref name="environment"/>. Its <see cref="Launched.Exited"/> completes with its
    /// exit code, or null when the server died and the exit was seen by polling.
    /// </summary>
    /// <exception cref="ContainerLaunchException">The server could not be started, could not fork, or broke the protocol.</exception>
    public Launched Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        // Built outside the lock: only the write and its answer need it (the sequence just has to match).
        var sequence = Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
        var frame = Frame(sequence, arguments, environment);
        lock (_gate)
        {
            var session = _session is { Ended: false } live ? live : _session = StartSession();
            string? answer;
            try
            {
                answer = session.Ask(frame);
            }
            catch (IOException e)
            {
                session.Stop();
                throw new ContainerLaunchException($"the launch server {_launcher} is gone: {e.Message}", e);
            }
            var parts = answer?.Split(' ', 3) ?? [];
            if (parts is ["started", var started, var p] && started == sequence && int.TryParse(p, CultureInfo.InvariantCulture, out var pid))
                return session.Register(pid);
            if (parts is ["failed", var failed, var why] && failed == sequence)
                throw new ContainerLaunchException($"the launch server could not start the container: {why}");
            session.Stop();
            throw new ContainerLaunchException(answer is null
                ? $"the launch server {_launcher} exited before it answered"
                : $"the launch server {_launcher} answered '{answer}' to request {sequence}; it was stopped, and the next launch starts a new one");
        }
    }

    /// <summary>One request: u32 length (little-endian), then NUL-terminated fields: sequence, argument count, arguments, K=V pairs. Pure.</summary>
    /// <exception cref="ContainerLaunchException">A field can't be carried (NUL inside, or a variable name with '=').</exception>
    internal static byte[] Frame(string sequence, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var fields = new List<string>(arguments.Count + environment.Count + 2) { sequence, arguments.Count.ToString(CultureInfo.InvariantCulture) };
        foreach (var argument in arguments)
        {
            if (argument.Contains('\0')) throw new ContainerLaunchException($"argument '{argument.Replace("\0", "\\0", StringComparison.Ordinal)}' contains NUL, which a command line can't carry");
            fields.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            // execve takes "K=V" strings: a name with '=' would silently become another variable.
            if (!CleanEnvironment.ValidName(key) || value.Contains('\0'))
                throw new ContainerLaunchException($"environment variable '{key.Replace("\0", "\\0", StringComparison.Ordinal)}' can't be passed: a name must be non-empty, without '=' or NUL, and a value without NUL");
            fields.Add(key + "=" + value);
        }
        var size = fields.Sum(f => Encoding.UTF8.GetByteCount(f) + 1);
        if (size > MaxRequest)
            throw new ContainerLaunchException($"the command line and environment take {size} bytes; a launch takes at most {MaxRequest} (the launch server's MAX_REQUEST)");
        var frame = new byte[4 + size];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)size);
        var at = 4;
        foreach (var field in fields)
        {
            at += Encoding.UTF8.GetBytes(field, frame.AsSpan(at));
            frame[at++] = 0;
        }
        return frame;
    }

    private Session StartSession()
    {
        var start = new ProcessStartInfo(_launcher) { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--serve");
        // Room for each container's command line, which its process writes over the server's (so
        // `ps` shows what it runs; see the launcher's show_command_line).
        start.ArgumentList.Add(new string(' ', TitleRoom));
        CleanEnvironment.Apply(start);
        try
        {
            return new Session(Process.Start(start) ?? throw new InvalidOperationException("it did not start"));
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new ContainerLaunchException($"cannot start the launch server {_launcher}: {e.Message}", e);
        }
    }

    /// <summary>
    /// One server process: its request and answer pipes (used under the server's lock), and the
    /// thread that reads its events. An exit can be read before the launch that started it has
    /// registered it (two pipes, two readers): it is kept until then. No pid is ambiguous: a pid is
    /// reused only after the server has reaped it, and the next request is sent only after the
    /// launch before it has registered its pid.
    /// </summary>
    private sealed class Session
    {
        private readonly Stream _requests;
        private readonly StreamReader _answers;
        private readonly object _exits = new();
        private readonly Dictionary<int, Launched> _running = [];
        private readonly Dictionary<int, int> _early = [];
        private volatile bool _ended;

        public Session(Process process)
        {
            Process = process;
            _requests = process.StandardInput.BaseStream;
            _answers = process.StandardOutput;
            new Thread(() => ReadEvents(process.StandardError)) { IsBackground = true, Name = "tessera-launch server events" }.Start();
        }

        public Process Process { get; }

        public bool Ended => _ended;

        /// <summary>Sends one request and reads its answer line (null when the server has gone).</summary>
        public string? Ask(byte[] frame)
        {
            _requests.Write(frame);
            _requests.Flush();
            var answer = _answers.ReadLine();
            if (answer is null) _ended = true;
            return answer;
        }

        public Launched Register(int pid)
        {
            var launched = new Launched(pid, ProcessWatch.StartTime(pid));
            lock (_exits)
            {
                if (_early.Remove(pid, out var code)) launched.Exit.TrySetResult(code);
                else if (_ended) _ = WatchAsync(launched);
                else _running[pid] = launched;
            }
            return launched;
        }

        /// <summary>Kills a server that broke the protocol; its containers live on and are watched by pid once its events end.</summary>
        public void Stop()
        {
            _ended = true;
            try
            {
                Process.Kill();
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
        }

        private void ReadEvents(StreamReader events)
        {
            try
            {
                while (events.ReadLine() is { } line)
                {
                    if (line.Split(' ') is ["exited", var p, var c] && int.TryParse(p, CultureInfo.InvariantCulture, out var pid) && int.TryParse(c, CultureInfo.InvariantCulture, out var code))
                        Exited(pid, code);
                    else
                        Console.Error.WriteLine(line); // a diagnostic of the server's, or of a launch before it redirected its stderr
                }
            }
            catch (IOException)
            {
                // The server's end closed: handled below as its exit.
            }
            End();
        }

        private void Exited(int pid, int code)
        {
            lock (_exits)
            {
                if (_running.Remove(pid, out var launched)) launched.Exit.TrySetResult(code);
                else _early[pid] = code;
            }
        }

        /// <summary>The server has exited: its running containers are watched by pid (they are no longer its children, nor ours).</summary>
        private void End()
        {
            lock (_exits)
            {
                _ended = true;
                foreach (var launched in _running.Values) _ = WatchAsync(launched);
                _running.Clear();
            }
        }

        private static async Task WatchAsync(Launched launched)
        {
            await ProcessWatch.WaitForExitAsync(launched.Pid, launched.StartTime);
            launched.Exit.TrySetResult(null);
        }
    }

    /// <summary>A container's process the server cloned: its pid, its start time (/proc/PID/stat field 22), and its exit.</summary>
    internal sealed record Launched(int Pid, string? StartTime)
    {
        internal TaskCompletionSource<int?> Exit { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes with the exit code (N, or 128 + signal), or null when it was seen gone without one.</summary>
        public Task<int?> Exited => Exit.Task;
    }
}
