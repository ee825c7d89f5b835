using System.Globalization;
using System.Threading.Channels;
using Tessera.Cli.Client;
using Tessera.Core.Flags;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;
using Tessera.Core.Protocol.RecordIo;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Jobs.Framework;

namespace Tessera.Cli.Run;

/// <summary>
/// The scheduler behind <c>tessera run</c>: subscribes a small framework (<c>tessera-run</c>,
/// failover timeout 0) through the public Scheduler API, launches the instances from offers,
/// declines what it doesn't need, acknowledges updates, prints each state change, follows each
/// task's output, and explains waits and impossible asks from GET_AGENTS. One loop owns all the
/// state; the event stream, a ticker and Ctrl-C only post <see cref="RunSignal"/>s to it.
/// </summary>
internal sealed class RunFramework(RunSpec spec, Uri master, TextWriter stdout, TextWriter stderr, TimeProvider time)
{
    public const string FrameworkName = "tessera-run";
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    private readonly Channel<RunSignal> _signals = Channel.CreateUnbounded<RunSignal>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<RunInstance> _instances = [.. Enumerable.Range(0, spec.Instances).Select(i => new RunInstance(i))];
    private IReadOnlyList<AgentEntry> _agents = [];
    private FrameworkID? _frameworkId;
    private string? _waitingSaid;
    private DateTimeOffset _deadline;
    private DateTimeOffset _lastProgress;
    private DateTimeOffset _lastCheck;
    private DateTimeOffset? _stopDeadline;
    private int? _failure;
    private bool _suppressed;

    public async Task<int> RunAsync(CancellationToken interrupt)
    {
        using var operatorApi = new OperatorClient(master);
        _deadline = time.GetUtcNow() + spec.Timeout;
        var first = await CheckPlacementAsync(operatorApi, interrupt);
        if (first.Verdict == PlacementVerdict.Never)
        {
            stderr.WriteLine($"tessera: cannot place {spec.Name}: {first.Reason}");
            return TesseraCommand.ExitFailure;
        }

        using var life = new CancellationTokenSource();
        await using var scheduler = new SchedulerConnection(master);
        var events = await scheduler.SubscribeAsync(Framework(), interrupt);
        var pump = PumpAsync(events, life.Token);
        var ticker = TickAsync(life.Token);
        _lastProgress = _lastCheck = time.GetUtcNow();
        if (first.Verdict == PlacementVerdict.Waits) SayWaiting(first.Reason);
        using var onInterrupt = interrupt.Register(() => _signals.Writer.TryWrite(new RunSignal.Interrupted()));
        try
        {
            return await LoopAsync(scheduler, operatorApi, life.Token);
        }
        finally
        {
            await FinishTailsAsync();
            await TeardownAsync(scheduler);
            await life.CancelAsync();
            await Task.WhenAll(pump, ticker);
        }
    }

    private FrameworkInfo Framework() => new()
    {
        Name = FrameworkName,
        User = Environment.UserName,
        Roles = [spec.Ask.Role],
        Capabilities = [new FrameworkCapability { Type = FrameworkCapabilityType.MULTI_ROLE }, new FrameworkCapability { Type = FrameworkCapabilityType.TASK_KILLING_STATE }],
        Checkpoint = false,
        FailoverTimeout = 0,
        Hostname = Environment.MachineName,
    };

    private async Task<int> LoopAsync(SchedulerConnection scheduler, OperatorClient operatorApi, CancellationToken ct)
    {
        await foreach (var signal in _signals.Reader.ReadAllAsync(ct))
        {
            switch (signal)
            {
                case RunSignal.EventArrived { Event: var e }:
                    await OnEventAsync(scheduler, e, ct);
                    break;
                case RunSignal.Tick:
                    await OnTickAsync(scheduler, operatorApi, ct);
                    break;
                case RunSignal.Interrupted:
                    stderr.WriteLine($"tessera: interrupted; killing {Plural(_instances.Count(i => i.Active), "task")}");
                    await StopAsync(scheduler, TesseraCommand.ExitFailure, ct);
                    break;
                case RunSignal.StreamEnded { Error: var error }:
                    stderr.WriteLine($"tessera: the master closed the event stream{(error is null ? "" : $": {error.Message}")}");
                    return TesseraCommand.ExitUnreachable;
            }
            if (Done) break;
        }
        return _failure ?? TaskExit.Combine(_instances.Select(i => i.Outcome?.ExitCode ?? TesseraCommand.ExitFailure));
    }

    /// <summary>Every launched instance has ended, and none is left to launch (or we are stopping); or the stop grace ran out.</summary>
    private bool Done =>
        _instances.All(i => i.Ended || (!i.Launched && _failure is not null))
        || (_stopDeadline is { } until && time.GetUtcNow() >= until);

    private async Task OnEventAsync(SchedulerConnection scheduler, SchedulerEvent e, CancellationToken ct)
    {
        switch (e.Type)
        {
            case SchedulerEventType.SUBSCRIBED when e.Subscribed is { } subscribed:
                _frameworkId = subscribed.FrameworkId;
                stderr.WriteLine($"framework {_frameworkId} subscribed at {scheduler.Master.Authority}; asking for {Plural(spec.Instances, "instance")} of {Describe(spec.Ask)}");
                break;
            case SchedulerEventType.OFFERS when e.Offers?.Offers is { } offers:
                await OnOffersAsync(scheduler, offers, ct);
                break;
            case SchedulerEventType.UPDATE when e.Update is { } update:
                await OnUpdateAsync(scheduler, update.Status, ct);
                break;
            case SchedulerEventType.ERROR when e.Error is { } error:
                stderr.WriteLine($"tessera: the master removed the framework: {error.Message}");
                _failure ??= TesseraCommand.ExitFailure;
                _stopDeadline ??= time.GetUtcNow();
                break;
        }
    }

    private async Task OnOffersAsync(SchedulerConnection scheduler, IReadOnlyList<Offer> offers, CancellationToken ct)
    {
        foreach (var offer in offers)
        {
            var launches = new List<TaskInfo>();
            var left = offer.Resources ?? [];
            var onAgent = _instances.Count(i => i.Active && i.AgentId?.Value == offer.AgentId.Value);
            foreach (var instance in _failure is null ? _instances.Where(i => !i.Launched) : [])
            {
                if (spec.MaxPerAgent is { } max && onAgent >= max) break;
                if (OfferTake.From(left, spec.Ask) is not { } take) break;
                onAgent++;
                left = take.Left;
                var taskId = TaskID.Of(spec.Instances == 1 ? spec.Name : $"{spec.Name}-{instance.Index}");
                launches.Add(InstanceTask.Build(spec, instance.Index, taskId, offer.AgentId, take));
                instance.TaskId = taskId;
                instance.AgentId = offer.AgentId;
                instance.Hostname = offer.Hostname;
                instance.AgentEndpoint = Endpoint(offer);
            }
            var stillPending = _failure is null && _instances.Any(i => !i.Launched);
            var refuse = new Filters { RefuseSeconds = stillPending ? 1 : 3600 };
            if (launches.Count > 0)
            {
                _lastProgress = time.GetUtcNow();
                await Call(scheduler, SchedulerCallType.ACCEPT, c => c with
                {
                    Accept = new AcceptCall
                    {
                        OfferIds = [offer.Id],
                        Operations = [new OfferOperation { Type = OfferOperationType.LAUNCH, Launch = new LaunchOperation { TaskInfos = launches } }],
                        Filters = refuse,
                    },
                }, ct);
            }
            else
            {
                await Call(scheduler, SchedulerCallType.DECLINE, c => c with { Decline = new DeclineCall { OfferIds = [offer.Id], Filters = refuse } }, ct);
            }
        }
        if (!_suppressed && (_failure is not null || _instances.All(i => i.Launched)))
        {
            _suppressed = true;
            await Call(scheduler, SchedulerCallType.SUPPRESS, c => c with { Suppress = new SuppressCall { Roles = [spec.Ask.Role] } }, ct);
        }
    }

    private async Task OnUpdateAsync(SchedulerConnection scheduler, MesosTaskStatus status, CancellationToken ct)
    {
        var instance = _instances.FirstOrDefault(i => i.TaskId?.Value == status.TaskId.Value);
        if (instance is not null && !instance.Ended)
        {
            if (status.AgentId is { } agent) instance.AgentId = agent;
            var changed = instance.State != status.State || (status.Healthy is { } h && h != instance.Healthy);
            instance.State = status.State;
            instance.Healthy = status.Healthy ?? instance.Healthy;
            if (changed) stderr.WriteLine(StatusLine(instance, status));
            if (status.State != TaskState.TASK_STAGING && instance.Tail is null && instance.AgentEndpoint is { } endpoint && _frameworkId is not null)
            {
                var prefix = spec.Instances > 1 ? $"[{instance.Index}] " : null;
                instance.Tail = new SandboxTail(endpoint, _frameworkId.Value, status.TaskId.Value, stdout, stderr, prefix, time);
                instance.Tailing = instance.Tail.RunAsync(ct);
            }
            if (TaskExit.Of(status) is { } outcome)
            {
                instance.Outcome = outcome;
                instance.Tail?.Finish();
            }
        }
        if (status.Uuid is { } uuid && (status.AgentId ?? instance?.AgentId) is { } agentId)
        {
            await Call(scheduler, SchedulerCallType.ACKNOWLEDGE, c => c with
            {
                Acknowledge = new AcknowledgeCall { AgentId = agentId, TaskId = status.TaskId, Uuid = uuid },
            }, ct);
        }
    }

    private async Task OnTickAsync(SchedulerConnection scheduler, OperatorClient operatorApi, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_failure is not null || _instances.All(i => i.Launched)) return;
        if (now >= _deadline)
        {
            var waiting = _waitingSaid is null ? "no offer fit the ask" : _waitingSaid;
            stderr.WriteLine($"tessera: timed out after {DurationText.Format(spec.Timeout)} waiting to place {Plural(_instances.Count(i => !i.Launched), "instance")}: {waiting}");
            await StopAsync(scheduler, TesseraCommand.ExitFailure, ct);
            return;
        }
        if (now - _lastProgress < CheckInterval || now - _lastCheck < CheckInterval) return;
        _lastCheck = now;
        var decision = await CheckPlacementAsync(operatorApi, ct);
        if (decision.Verdict == PlacementVerdict.Never)
        {
            stderr.WriteLine($"tessera: cannot place {spec.Name}: {decision.Reason}");
            await StopAsync(scheduler, TesseraCommand.ExitFailure, ct);
        }
        else if (decision.Verdict == PlacementVerdict.Waits)
        {
            SayWaiting(decision.Reason);
        }
    }

    /// <summary>Stops launching, kills what runs, and lets the loop end once those tasks have ended (or after a grace).</summary>
    private async Task StopAsync(SchedulerConnection scheduler, int code, CancellationToken ct)
    {
        _failure ??= code;
        _stopDeadline ??= time.GetUtcNow() + StopGrace;
        foreach (var instance in _instances.Where(i => i.Active && !i.KillSent))
        {
            instance.KillSent = true;
            await Call(scheduler, SchedulerCallType.KILL, c => c with { Kill = new KillCall { TaskId = instance.TaskId!, AgentId = instance.AgentId } }, ct);
        }
    }

    private async Task<PlacementDecision> CheckPlacementAsync(OperatorClient operatorApi, CancellationToken ct)
    {
        var response = await operatorApi.CallAsync(new OperatorCall { Type = OperatorCallType.GET_AGENTS }, ct);
        _agents = response.GetAgents?.Agents ?? [];
        return PlacementCheck.Decide(spec.Ask, _agents);
    }

    private void SayWaiting(string reason)
    {
        if (_waitingSaid is not null) return;
        _waitingSaid = reason;
        stderr.WriteLine($"waiting: {reason}; will wait up to {DurationText.Format(spec.Timeout)} (--timeout)");
    }

    private Task Call(SchedulerConnection scheduler, SchedulerCallType type, Func<SchedulerCall, SchedulerCall> body, CancellationToken ct) =>
        scheduler.CallAsync(body(new SchedulerCall { Type = type, FrameworkId = _frameworkId }), ct);

    private async Task FinishTailsAsync()
    {
        foreach (var instance in _instances) instance.Tail?.Finish();
        var tails = _instances.Select(i => i.Tailing).OfType<Task>().ToList();
        if (tails.Count == 0) return;
        try
        {
            await Task.WhenAll(tails).WaitAsync(TimeSpan.FromSeconds(10), time);
        }
        catch (TimeoutException)
        {
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Always tears the framework down at the end, so nothing it launched outlives <c>tessera run</c>.</summary>
    private async Task TeardownAsync(SchedulerConnection scheduler)
    {
        if (_frameworkId is null) return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), time);
        try
        {
            await Call(scheduler, SchedulerCallType.TEARDOWN, c => c, timeout.Token);
        }
        catch (Exception e) when (e is CliException or SchedulerConnectionException or OperationCanceledException)
        {
            stderr.WriteLine($"tessera: could not tear down framework {_frameworkId}: {e.Message}");
        }
    }

    private async Task PumpAsync(IAsyncEnumerable<SchedulerEvent> events, CancellationToken ct)
    {
        Exception? error = null;
        try
        {
            await foreach (var e in events.WithCancellation(ct))
                _signals.Writer.TryWrite(new RunSignal.EventArrived(e));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (e is CliException or SchedulerConnectionException or MesosJsonException or RecordIoException or IOException or HttpRequestException)
        {
            error = e;
        }
        _signals.Writer.TryWrite(new RunSignal.StreamEnded(error));
    }

    private async Task TickAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TickInterval, time, ct);
                _signals.Writer.TryWrite(new RunSignal.Tick());
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>The agent's HTTP endpoint: the offer's url, else its hostname and the port GET_AGENTS reported.</summary>
    private Uri Endpoint(Offer offer)
    {
        if (offer.Url?.Address is { } address)
            return new Uri($"{offer.Url.Scheme}://{HostForUri(address.Ip ?? address.Hostname ?? offer.Hostname)}:{address.Port.ToString(CultureInfo.InvariantCulture)}");
        var port = _agents.FirstOrDefault(a => a.AgentInfo.Id?.Value == offer.AgentId.Value)?.AgentInfo.Port ?? 5051;
        return new Uri($"http://{HostForUri(offer.Hostname)}:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    private static string HostForUri(string host) => host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;

    private static string StatusLine(RunInstance instance, MesosTaskStatus status)
    {
        var line = $"task {status.TaskId}: {status.State} on {instance.Hostname ?? "?"} ({instance.AgentId?.Value ?? "?"})";
        if (status.Healthy is { } healthy) line += healthy ? " healthy" : " unhealthy";
        if (TaskStates.IsTerminal(status.State) && !string.IsNullOrWhiteSpace(status.Message)) line += $": {status.Message.Trim()}";
        if (TaskStates.IsTerminal(status.State) && status.Reason is { } reason && status.State != TaskState.TASK_FINISHED) line += $" ({reason})";
        return line;
    }

    private static string Describe(ResourceAsk ask) =>
        string.Join(", ", ask.Kinds().Select(k => ResourceAsk.Named(k, ask.Amount(k))));

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
