using Tessera.State.Registry;

namespace Tessera.State.Tests.Registry;

public sealed class MasterRegistryTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private readonly ManualClock _clock = new(Start);
    private SqliteKeyValueStore _store = null!;
    private MasterRegistry _registry = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _store = await SqliteKeyValueStore.OpenAsync(_dir.DatabasePath, Ct);
        _registry = await MasterRegistry.OpenAsync(_store, _clock, Ct);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public void Dispose()
    {
        _timeout.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_new_registry_is_empty()
    {
        var snapshot = await _registry.LoadAsync(Ct);
        Assert.Empty(snapshot.Agents);
        Assert.Empty(snapshot.Quotas);
        Assert.Empty(snapshot.Weights);
        Assert.Null(snapshot.MaintenanceJson);
    }

    [Fact]
    public async Task Agent_goes_admitted_unreachable_reachable_gone()
    {
        Assert.True((await _registry.AdmitAgentAsync("S1", "host1", """{"port":5051}""", Ct)).IsOk);
        Assert.Equal(
            new RegistryAgent("S1", "host1", """{"port":5051}""", AgentRegistryState.Admitted, Start),
            (await _registry.LoadAsync(Ct)).Agents["S1"]);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await _registry.MarkUnreachableAsync("S1", Ct)).IsOk);
        Assert.Equal((AgentRegistryState.Unreachable, Start.AddMinutes(1)), await StateOfAsync("S1"));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await _registry.MarkUnreachableAsync("S1", Ct)).IsOk);
        Assert.Equal((AgentRegistryState.Unreachable, Start.AddMinutes(1)), await StateOfAsync("S1"));

        Assert.True((await _registry.MarkReachableAsync("S1", Ct)).IsOk);
        Assert.Equal((AgentRegistryState.Admitted, Start.AddMinutes(2)), await StateOfAsync("S1"));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await _registry.MarkGoneAsync("S1", Ct)).IsOk);
        Assert.Equal((AgentRegistryState.Gone, Start.AddMinutes(3)), await StateOfAsync("S1"));
        Assert.True((await _registry.MarkGoneAsync("S1", Ct)).IsOk);
    }

    [Fact]
    public async Task A_gone_agent_cannot_rejoin()
    {
        await _registry.AdmitAgentAsync("S1", "host1", "{}", Ct);
        await _registry.MarkGoneAsync("S1", Ct);
        var before = await RawAsync();

        _clock.Advance(TimeSpan.FromHours(1));
        var admit = await _registry.AdmitAgentAsync("S1", "host1", "{}", Ct);
        var reachable = await _registry.MarkReachableAsync("S1", Ct);
        var unreachable = await _registry.MarkUnreachableAsync("S1", Ct);

        foreach (var result in new[] { admit, reachable, unreachable })
        {
            Assert.False(result.IsOk);
            Assert.Equal(RegistryErrorCode.AgentGone, result.Error!.Code);
            Assert.Equal("agent S1 was marked gone at 2026-11-21T12:00:00.0000000+00:00 and can't rejoin", result.Error.Message);
        }
        Assert.Equal(before, await RawAsync());
    }

    [Fact]
    public async Task Admitting_an_admitted_agent_again_updates_it_and_is_idempotent()
    {
        await _registry.AdmitAgentAsync("S1", "host1", """{"v":1}""", Ct);
        var unchanged = await RawAsync();
        Assert.True((await _registry.AdmitAgentAsync("S1", "host1", """{"v":1}""", Ct)).IsOk);
        Assert.Equal(unchanged, await RawAsync());

        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True((await _registry.AdmitAgentAsync("S1", "host2", """{"v":2}""", Ct)).IsOk);
        var agent = (await _registry.LoadAsync(Ct)).Agents["S1"];
        Assert.Equal(("host2", """{"v":2}""", AgentRegistryState.Admitted, Start.AddSeconds(5)),
            (agent.Hostname, agent.AgentInfoJson, agent.State, agent.ChangedAt));
    }

    [Fact]
    public async Task Admitting_an_unreachable_agent_makes_it_admitted()
    {
        await _registry.AdmitAgentAsync("S1", "host1", "{}", Ct);
        await _registry.MarkUnreachableAsync("S1", Ct);
        Assert.True((await _registry.AdmitAgentAsync("S1", "host1", "{}", Ct)).IsOk);
        Assert.Equal(AgentRegistryState.Admitted, (await StateOfAsync("S1")).State);
    }

    [Fact]
    public async Task Unknown_agents_are_refused_except_by_remove()
    {
        Assert.Equal(RegistryErrorCode.UnknownAgent, (await _registry.MarkUnreachableAsync("S9", Ct)).Error!.Code);
        Assert.Equal(RegistryErrorCode.UnknownAgent, (await _registry.MarkReachableAsync("S9", Ct)).Error!.Code);
        Assert.Equal(RegistryErrorCode.UnknownAgent, (await _registry.MarkGoneAsync("S9", Ct)).Error!.Code);
        Assert.True((await _registry.RemoveAgentAsync("S9", Ct)).IsOk);
        Assert.Empty((await _registry.LoadAsync(Ct)).Agents);
    }

    [Fact]
    public async Task Remove_forgets_unreachable_and_gone_agents_but_not_admitted_ones()
    {
        await _registry.AdmitAgentAsync("S1", "h1", "{}", Ct);
        await _registry.AdmitAgentAsync("S2", "h2", "{}", Ct);
        await _registry.AdmitAgentAsync("S3", "h3", "{}", Ct);
        await _registry.MarkUnreachableAsync("S2", Ct);
        await _registry.MarkGoneAsync("S3", Ct);

        var refused = await _registry.RemoveAgentAsync("S1", Ct);
        Assert.Equal(RegistryErrorCode.InvalidState, refused.Error!.Code);
        Assert.True((await _registry.RemoveAgentAsync("S2", Ct)).IsOk);
        Assert.True((await _registry.RemoveAgentAsync("S3", Ct)).IsOk);
        Assert.Equal(["S1"], (await _registry.LoadAsync(Ct)).Agents.Keys);
    }

    [Fact]
    public async Task Everything_survives_reopen()
    {
        await _registry.AdmitAgentAsync("S1", "host1", """{"a":1}""", Ct);
        await _registry.AdmitAgentAsync("S2", "host2", "{}", Ct);
        await _registry.MarkGoneAsync("S2", Ct);
        await _registry.SetQuotaAsync(Quota("dev", guarantees: [("cpus", 2)], limits: [("cpus", 4), ("mem", 1024.5)]), Ct);
        await _registry.SetWeightsAsync(new Dictionary<string, double> { ["dev"] = 2.5 }, Ct);
        await _registry.SetMaintenanceAsync("""{"windows":[]}""", Ct);
        var before = await _registry.LoadAsync(Ct);

        await _store.DisposeAsync();
        _store = await SqliteKeyValueStore.OpenAsync(_dir.DatabasePath, Ct);
        var reopened = await MasterRegistry.OpenAsync(_store, new ManualClock(Start.AddDays(1)), Ct);
        var after = await reopened.LoadAsync(Ct);

        Assert.Equal(before.Agents, after.Agents);
        Assert.Equal(before.Weights, after.Weights);
        Assert.Equal(before.MaintenanceJson, after.MaintenanceJson);
        Assert.Equal(before.Quotas["dev"].Limits, after.Quotas["dev"].Limits);
        Assert.Equal(before.Quotas["dev"].Guarantees, after.Quotas["dev"].Guarantees);
        Assert.Equal(RegistryErrorCode.AgentGone, (await reopened.AdmitAgentAsync("S2", "host2", "{}", Ct)).Error!.Code);
    }

    [Fact]
    public async Task Quota_round_trips_and_is_removed()
    {
        await _registry.SetQuotaAsync(Quota("eng/backend", guarantees: [("cpus", 1.5)], limits: [("cpus", 3), ("gpus", 0)]), Ct);
        await _registry.SetQuotaAsync(Quota("ops", guarantees: [], limits: [("mem", 0.1 + 0.2)]), Ct);

        var quotas = (await _registry.LoadAsync(Ct)).Quotas;
        Assert.Equal(["eng/backend", "ops"], quotas.Keys);
        Assert.Equal(1.5, quotas["eng/backend"].Guarantees["cpus"]);
        Assert.Equal(new Dictionary<string, double> { ["cpus"] = 3, ["gpus"] = 0 }, quotas["eng/backend"].Limits);
        Assert.Equal(0.1 + 0.2, quotas["ops"].Limits["mem"]);

        await _registry.SetQuotaAsync(Quota("ops", guarantees: [("mem", 1)], limits: []), Ct);
        Assert.Equal(1, (await _registry.LoadAsync(Ct)).Quotas["ops"].Guarantees["mem"]);

        Assert.True((await _registry.RemoveQuotaAsync("ops", Ct)).IsOk);
        Assert.True((await _registry.RemoveQuotaAsync("ops", Ct)).IsOk);
        Assert.Equal(["eng/backend"], (await _registry.LoadAsync(Ct)).Quotas.Keys);
    }

    [Fact]
    public async Task Weights_merge_by_role()
    {
        await _registry.SetWeightsAsync(new Dictionary<string, double> { ["a"] = 2, ["b"] = 0.5 }, Ct);
        await _registry.SetWeightsAsync(new Dictionary<string, double> { ["b"] = 3, ["c"] = 1 }, Ct);
        await _registry.SetWeightsAsync(new Dictionary<string, double>(), Ct);

        Assert.Equal(new Dictionary<string, double> { ["a"] = 2, ["b"] = 3, ["c"] = 1 }, (await _registry.LoadAsync(Ct)).Weights);
    }

    [Fact]
    public async Task Maintenance_is_set_replaced_and_cleared()
    {
        await _registry.SetMaintenanceAsync("""{"windows":[1]}""", Ct);
        Assert.Equal("""{"windows":[1]}""", (await _registry.LoadAsync(Ct)).MaintenanceJson);
        await _registry.SetMaintenanceAsync("""{"windows":[2]}""", Ct);
        Assert.Equal("""{"windows":[2]}""", (await _registry.LoadAsync(Ct)).MaintenanceJson);
        Assert.True((await _registry.SetMaintenanceAsync(null, Ct)).IsOk);
        Assert.True((await _registry.SetMaintenanceAsync(null, Ct)).IsOk);
        Assert.Null((await _registry.LoadAsync(Ct)).MaintenanceJson);
    }

    public static TheoryData<string, string> BadInputs() => new()
    {
        { "admit empty id", "id" },
        { "admit id with space", "id" },
        { "admit empty hostname", "hostname" },
        { "admit info not json", "agentInfoJson" },
        { "unreachable empty id", "id" },
        { "gone id with NUL", "id" },
        { "remove long id", "id" },
        { "quota empty role", "quota.Role" },
        { "quota negative guarantee", "quota.Guarantees" },
        { "quota NaN limit", "quota.Limits" },
        { "quota infinite limit", "quota.Limits" },
        { "quota guarantee above limit", "quota" },
        { "remove quota empty role", "role" },
        { "weight zero", "weights" },
        { "weight negative", "weights" },
        { "weight infinite", "weights" },
        { "weight empty role", "weights" },
        { "maintenance not json", "json" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_names_the_field_and_changes_nothing(string input, string field)
    {
        await _registry.AdmitAgentAsync("S1", "host1", "{}", Ct);
        await _registry.SetQuotaAsync(Quota("dev", guarantees: [("cpus", 1)], limits: [("cpus", 2)]), Ct);
        await _registry.SetWeightsAsync(new Dictionary<string, double> { ["dev"] = 2 }, Ct);
        await _registry.SetMaintenanceAsync("{}", Ct);
        var before = await RawAsync();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Call(input));

        Assert.Equal(field, error.ParamName);
        Assert.Equal(before, await RawAsync());
    }

    private Task<RegistryResult> Call(string input) => input switch
    {
        "admit empty id" => _registry.AdmitAgentAsync("", "host1", "{}", Ct),
        "admit id with space" => _registry.AdmitAgentAsync("S 1", "host1", "{}", Ct),
        "admit empty hostname" => _registry.AdmitAgentAsync("S1", "", "{}", Ct),
        "admit info not json" => _registry.AdmitAgentAsync("S1", "host1", "{not json", Ct),
        "unreachable empty id" => _registry.MarkUnreachableAsync("", Ct),
        "gone id with NUL" => _registry.MarkGoneAsync("S\01", Ct),
        "remove long id" => _registry.RemoveAgentAsync(new string('s', 257), Ct),
        "quota empty role" => _registry.SetQuotaAsync(Quota("", [], []), Ct),
        "quota negative guarantee" => _registry.SetQuotaAsync(Quota("dev", [("cpus", -1)], []), Ct),
        "quota NaN limit" => _registry.SetQuotaAsync(Quota("dev", [], [("cpus", double.NaN)]), Ct),
        "quota infinite limit" => _registry.SetQuotaAsync(Quota("dev", [], [("mem", double.PositiveInfinity)]), Ct),
        "quota guarantee above limit" => _registry.SetQuotaAsync(Quota("dev", [("cpus", 3)], [("cpus", 2)]), Ct),
        "remove quota empty role" => _registry.RemoveQuotaAsync("", Ct),
        "weight zero" => _registry.SetWeightsAsync(new Dictionary<string, double> { ["ok"] = 1, ["dev"] = 0 }, Ct),
        "weight negative" => _registry.SetWeightsAsync(new Dictionary<string, double> { ["dev"] = -1 }, Ct),
        "weight infinite" => _registry.SetWeightsAsync(new Dictionary<string, double> { ["dev"] = double.PositiveInfinity }, Ct),
        "weight empty role" => _registry.SetWeightsAsync(new Dictionary<string, double> { ["ok"] = 1, [""] = 1 }, Ct),
        "maintenance not json" => _registry.SetMaintenanceAsync("nope", Ct),
        _ => throw new ArgumentOutOfRangeException(nameof(input), input, "unknown case"),
    };

    [Fact]
    public async Task Concurrent_registries_on_one_file_lose_no_update()
    {
        await using var otherStore = await SqliteKeyValueStore.OpenAsync(_dir.DatabasePath, Ct);
        var other = await MasterRegistry.OpenAsync(otherStore, _clock, Ct);
        var registries = new[] { _registry, other };

        // Both sides hammer the same weight keys and distinct agents; every call must land. Each task
        // wins once, so with fewer tasks than MaxAttempts no task can run out of retries.
        const int tasks = MasterRegistry.MaxAttempts;
        var results = await Task.WhenAll(Enumerable.Range(0, tasks).Select(i => Task.Run(async () =>
        {
            var registry = registries[i % 2];
            var admit = await registry.AdmitAgentAsync($"S{i}", $"host{i}", "{}", Ct);
            var weight = await registry.SetWeightsAsync(new Dictionary<string, double> { ["shared"] = i + 1, ["also"] = i + 1 }, Ct);
            return admit.IsOk && weight.IsOk;
        }, Ct)));

        Assert.All(results, Assert.True);
        var snapshot = await other.LoadAsync(Ct);
        Assert.Equal(tasks, snapshot.Agents.Count);
        Assert.Equal(snapshot.Weights["shared"], snapshot.Weights["also"]);
    }

    [Fact]
    public async Task Losing_every_race_ends_in_a_conflict_result_not_an_exception()
    {
        await _registry.AdmitAgentAsync("S1", "h", "{}", Ct);
        var interfering = new InterferingStore(_store);
        var registry = await MasterRegistry.OpenAsync(interfering, _clock, Ct);

        var result = await registry.MarkUnreachableAsync("S1", Ct);

        Assert.Equal(RegistryErrorCode.Conflict, result.Error!.Code);
        Assert.Contains("registry/agents/S1", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(MasterRegistry.MaxAttempts, interfering.Commits);
        Assert.Equal(AgentRegistryState.Admitted, (await StateOfAsync("S1")).State);
    }

    [Fact]
    public async Task Open_refuses_another_format_version()
    {
        await _store.PutAsync(RegistryKeys.Format, Bytes.Of("""{"version":2}"""), ExpectVersion.Any, Ct);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MasterRegistry.OpenAsync(_store, _clock, Ct));
        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_live_under_the_documented_keys()
    {
        await _registry.AdmitAgentAsync("S1", "h", "{}", Ct);
        await _registry.SetQuotaAsync(Quota("dev", [], []), Ct);
        await _registry.SetWeightsAsync(new Dictionary<string, double> { ["dev"] = 2 }, Ct);
        await _registry.SetMaintenanceAsync("{}", Ct);

        Assert.Equal(
            ["registry/agents/S1", "registry/format", "registry/maintenance", "registry/quota/dev", "registry/weights/dev"],
            (await _store.ListAsync("registry/", Ct)).Select(e => e.Key));
        var agent = Bytes.Text((await _store.GetAsync("registry/agents/S1", Ct))!.Value);
        Assert.Contains("\"state\":\"Admitted\"", agent, StringComparison.Ordinal);
        Assert.Contains("\"agent_info\":\"{}\"", agent, StringComparison.Ordinal);
    }

    private async Task<(AgentRegistryState State, DateTimeOffset ChangedAt)> StateOfAsync(string id)
    {
        var agent = (await _registry.LoadAsync(Ct)).Agents[id];
        return (agent.State, agent.ChangedAt);
    }

    private async Task<string> RawAsync() => string.Join("\n",
        (await _store.ListAsync("", Ct)).Select(e => $"{e.Key}@{e.Version}={Bytes.Text(e.Value)}"));

    private static RegistryQuota Quota(string role, (string, double)[] guarantees, (string, double)[] limits) => new(
        role,
        guarantees.ToDictionary(g => g.Item1, g => g.Item2),
        limits.ToDictionary(l => l.Item1, l => l.Item2));
}
