using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tessera.State.Registry;

/// <summary>
/// The master's durable registry (agents, quota, weights, maintenance) as typed operations over an
/// <see cref="IKeyValueStore"/>. Every operation is one compare-and-set transaction on the keys it
/// reads, retried up to <see cref="MaxAttempts"/> times when another writer got there first.
/// </summary>
/// <remarks>
/// Refusals (a gone agent trying to rejoin, an unknown id) come back as <see cref="RegistryResult"/>;
/// bad input throws <see cref="ArgumentException"/> naming the field and writes nothing.
/// </remarks>
public sealed class MasterRegistry
{
    /// <summary>How many read-then-CAS rounds an operation tries before reporting a conflict.</summary>
    public const int MaxAttempts = 16;

    /// <summary>The registry layout this build writes and reads.</summary>
    public const int FormatVersion = 1;

    private readonly IKeyValueStore _store;
    private readonly TimeProvider _clock;

    private MasterRegistry(IKeyValueStore store, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
    }

    /// <summary>
    /// Opens the registry in <paramref name="store"/>, writing its format marker on first use.
    /// The store stays owned by the caller.
    /// </summary>
    /// <exception cref="InvalidOperationException">The store holds a registry of another format version.</exception>
    public static async Task<MasterRegistry> OpenAsync(IKeyValueStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await store.GetAsync(RegistryKeys.Format, cancellationToken).ConfigureAwait(false);
            if (current is not null)
            {
                var format = Decode(RegistryKeys.Format, current.Value, RegistryJsonContext.Default.StoredFormat);
                if (format.Version != FormatVersion)
                    throw new InvalidOperationException(
                        $"registry format version {format.Version} is not supported; this build reads version {FormatVersion}");
                return new MasterRegistry(store, clock);
            }
            var marker = Encode(new StoredFormat(FormatVersion), RegistryJsonContext.Default.StoredFormat);
            var result = await store.PutAsync(RegistryKeys.Format, marker, ExpectVersion.Absent, cancellationToken)
                .ConfigureAwait(false);
            if (result.Succeeded)
                return new MasterRegistry(store, clock);
        }
        throw new InvalidOperationException($"could not write the registry format marker after {MaxAttempts} attempts");
    }

    /// <summary>Everything in the registry, read from one consistent listing.</summary>
    public async Task<RegistrySnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var entries = await _store.ListAsync(RegistryKeys.Root, cancellationToken).ConfigureAwait(false);
        var agents = ImmutableSortedDictionary.CreateBuilder<string, RegistryAgent>(StringComparer.Ordinal);
        var quotas = ImmutableSortedDictionary.CreateBuilder<string, RegistryQuota>(StringComparer.Ordinal);
        var weights = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        string? maintenance = null;
        foreach (var entry in entries)
        {
            if (entry.Key.StartsWith(RegistryKeys.AgentsPrefix, StringComparison.Ordinal))
            {
                var agent = ToAgent(Decode(entry.Key, entry.Value, RegistryJsonContext.Default.StoredAgent));
                agents[agent.Id] = agent;
            }
            else if (entry.Key.StartsWith(RegistryKeys.QuotaPrefix, StringComparison.Ordinal))
            {
                var quota = Decode(entry.Key, entry.Value, RegistryJsonContext.Default.StoredQuota);
                quotas[quota.Role] = new RegistryQuota(quota.Role, Freeze(quota.Guarantees), Freeze(quota.Limits));
            }
            else if (entry.Key.StartsWith(RegistryKeys.WeightsPrefix, StringComparison.Ordinal))
            {
                var weight = Decode(entry.Key, entry.Value, RegistryJsonContext.Default.StoredWeight);
                weights[weight.Role] = weight.Weight;
            }
            else if (entry.Key == RegistryKeys.Maintenance)
            {
                maintenance = Decode(entry.Key, entry.Value, RegistryJsonContext.Default.StoredMaintenance).Schedule;
            }
            // Anything else (the format marker, keys of a later minor layout) is not part of the snapshot.
        }
        return new RegistrySnapshot(agents.ToImmutable(), quotas.ToImmutable(), weights.ToImmutable(), maintenance);
    }

    /// <summary>
    /// Admits an agent, or updates the hostname and info of one already admitted (idempotent).
    /// An unreachable agent becomes admitted again; a gone one is refused with <see cref="RegistryErrorCode.AgentGone"/>.
    /// </summary>
    public Task<RegistryResult> AdmitAgentAsync(
        string id, string hostname, string agentInfoJson, CancellationToken cancellationToken)
    {
        RegistryValidation.Name(id, nameof(id));
        RegistryValidation.Name(hostname, nameof(hostname));
        RegistryValidation.Json(agentInfoJson, nameof(agentInfoJson));
        return ChangeAgentAsync(id, nameof(AdmitAgentAsync), agent => agent switch
        {
            null => AgentChange.Put(new RegistryAgent(id, hostname, agentInfoJson, AgentRegistryState.Admitted, Now)),
            { State: AgentRegistryState.Gone } => AgentChange.Refuse(GoneError(agent)),
            { State: AgentRegistryState.Admitted } when agent.Hostname == hostname && agent.AgentInfoJson == agentInfoJson =>
                AgentChange.Unchanged,
            _ => AgentChange.Put(agent with
            {
                Hostname = hostname,
                AgentInfoJson = agentInfoJson,
                State = AgentRegistryState.Admitted,
                ChangedAt = Now,
            }),
        }, cancellationToken);
    }

    /// <summary>Marks an admitted agent unreachable; already unreachable is fine, unknown or gone is refused.</summary>
    public Task<RegistryResult> MarkUnreachableAsync(string id, CancellationToken cancellationToken)
    {
        RegistryValidation.Name(id, nameof(id));
        return ChangeAgentAsync(id, nameof(MarkUnreachableAsync), agent => agent switch
        {
            null => AgentChange.Refuse(UnknownError(id)),
            { State: AgentRegistryState.Gone } => AgentChange.Refuse(GoneError(agent)),
            { State: AgentRegistryState.Unreachable } => AgentChange.Unchanged,
            _ => AgentChange.Put(agent with { State = AgentRegistryState.Unreachable, ChangedAt = Now }),
        }, cancellationToken);
    }

    /// <summary>Brings an unreachable agent back to admitted; already admitted is fine, unknown or gone is refused.</summary>
    public Task<RegistryResult> MarkReachableAsync(string id, CancellationToken cancellationToken)
    {
        RegistryValidation.Name(id, nameof(id));
        return ChangeAgentAsync(id, nameof(MarkReachableAsync), agent => agent switch
        {
            null => AgentChange.Refuse(UnknownError(id)),
            { State: AgentRegistryState.Gone } => AgentChange.Refuse(GoneError(agent)),
            { State: AgentRegistryState.Admitted } => AgentChange.Unchanged,
            _ => AgentChange.Put(agent with { State = AgentRegistryState.Admitted, ChangedAt = Now }),
        }, cancellationToken);
    }

    /// <summary>Marks an agent gone for good; already gone is fine, unknown is refused.</summary>
    public Task<RegistryResult> MarkGoneAsync(string id, CancellationToken cancellationToken)
    {
        RegistryValidation.Name(id, nameof(id));
        return ChangeAgentAsync(id, nameof(MarkGoneAsync), agent => agent switch
        {
            null => AgentChange.Refuse(UnknownError(id)),
            { State: AgentRegistryState.Gone } => AgentChange.Unchanged,
            _ => AgentChange.Put(agent with { State = AgentRegistryState.Gone, ChangedAt = Now }),
        }, cancellationToken);
    }

    /// <summary>
    /// Forgets an unreachable or gone agent (garbage collection of old entries); an unknown id is
    /// fine, an admitted agent is refused with <see cref="RegistryErrorCode.InvalidState"/>.
    /// </summary>
    public Task<RegistryResult> RemoveAgentAsync(string id, CancellationToken cancellationToken)
    {
        RegistryValidation.Name(id, nameof(id));
        return ChangeAgentAsync(id, nameof(RemoveAgentAsync), agent => agent switch
        {
            null => AgentChange.Unchanged,
            { State: AgentRegistryState.Admitted } => AgentChange.Refuse(RegistryResult.Failed(
                RegistryErrorCode.InvalidState, $"agent {id} is admitted; only unreachable or gone agents can be removed")),
            _ => AgentChange.Remove,
        }, cancellationToken);
    }

    /// <summary>Sets (creates or replaces) a role's quota.</summary>
    public Task<RegistryResult> SetQuotaAsync(RegistryQuota quota, CancellationToken cancellationToken)
    {
        RegistryValidation.Quota(quota, nameof(quota));
        var stored = new StoredQuota(
            quota.Role,
            new Dictionary<string, double>(quota.Guarantees, StringComparer.Ordinal),
            new Dictionary<string, double>(quota.Limits, StringComparer.Ordinal));
        var key = RegistryKeys.Quota(quota.Role);
        var bytes = Encode(stored, RegistryJsonContext.Default.StoredQuota);
        return CasAsync([key], nameof(SetQuotaAsync),
            current => Plan.Write(StoreOperation.Put(key, bytes, Expect(current[0]))), cancellationToken);
    }

    /// <summary>Removes a role's quota; a role without one is fine.</summary>
    public Task<RegistryResult> RemoveQuotaAsync(string role, CancellationToken cancellationToken)
    {
        RegistryValidation.Name(role, nameof(role));
        var key = RegistryKeys.Quota(role);
        return CasAsync([key], nameof(RemoveQuotaAsync),
            current => current[0] is null
                ? Plan.Stop(RegistryResult.Ok)
                : Plan.Write(StoreOperation.Delete(key, Expect(current[0]))), cancellationToken);
    }

    /// <summary>
    /// Sets the weights of the roles named, in one transaction; roles not named keep theirs
    /// (as Mesos' UPDATE_WEIGHTS does). Set 1.0 to return a role to the default.
    /// </summary>
    public Task<RegistryResult> SetWeightsAsync(IReadOnlyDictionary<string, double> weights, CancellationToken cancellationToken)
    {
        RegistryValidation.Weights(weights, nameof(weights));
        var roles = weights.Keys.Order(StringComparer.Ordinal).ToArray();
        if (roles.Length == 0)
            return Task.FromResult(RegistryResult.Ok);
        var keys = roles.Select(RegistryKeys.Weight).ToArray();
        var values = roles
            .Select(role => Encode(new StoredWeight(role, weights[role]), RegistryJsonContext.Default.StoredWeight))
            .ToArray();
        return CasAsync(keys, nameof(SetWeightsAsync), current => Plan.Write(
            keys.Select((key, i) => (StoreOperation)StoreOperation.Put(key, values[i], Expect(current[i]))).ToArray()),
            cancellationToken);
    }

    /// <summary>Sets the maintenance schedule's JSON, or clears it with null.</summary>
    public Task<RegistryResult> SetMaintenanceAsync(string? json, CancellationToken cancellationToken)
    {
        if (json is not null)
            RegistryValidation.Json(json, nameof(json));
        const string key = RegistryKeys.Maintenance;
        if (json is null)
        {
            return CasAsync([key], nameof(SetMaintenanceAsync),
                current => current[0] is null
                    ? Plan.Stop(RegistryResult.Ok)
                    : Plan.Write(StoreOperation.Delete(key, Expect(current[0]))), cancellationToken);
        }
        var bytes = Encode(new StoredMaintenance(json), RegistryJsonContext.Default.StoredMaintenance);
        return CasAsync([key], nameof(SetMaintenanceAsync),
            current => Plan.Write(StoreOperation.Put(key, bytes, Expect(current[0]))), cancellationToken);
    }

    private DateTimeOffset Now => _clock.GetUtcNow();

    private Task<RegistryResult> ChangeAgentAsync(
        string id, string operation, Func<RegistryAgent?, AgentChange> decide, CancellationToken cancellationToken)
    {
        var key = RegistryKeys.Agent(id);
        return CasAsync([key], operation, current =>
        {
            var agent = current[0] is { } value
                ? ToAgent(Decode(key, value.Value, RegistryJsonContext.Default.StoredAgent))
                : null;
            var change = decide(agent);
            if (change.Outcome is not null)
                return Plan.Stop(change.Outcome);
            if (change.Next is null)
                return Plan.Write(StoreOperation.Delete(key, Expect(current[0])));
            var stored = new StoredAgent(
                change.Next.Id, change.Next.Hostname, change.Next.AgentInfoJson, change.Next.State, change.Next.ChangedAt);
            return Plan.Write(StoreOperation.Put(key, Encode(stored, RegistryJsonContext.Default.StoredAgent), Expect(current[0])));
        }, cancellationToken);
    }

    // Read the keys, let the plan decide, commit with the versions read; on a lost race read again.
    private async Task<RegistryResult> CasAsync(
        IReadOnlyList<string> keys, string operation, Func<IReadOnlyList<VersionedValue?>, Plan> plan,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = new VersionedValue?[keys.Count];
            for (var i = 0; i < keys.Count; i++)
                current[i] = await _store.GetAsync(keys[i], cancellationToken).ConfigureAwait(false);
            var next = plan(current);
            if (next.Outcome is not null)
                return next.Outcome;
            var result = await _store.CommitAsync(next.Operations, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
                return RegistryResult.Ok;
        }
        return RegistryResult.Failed(RegistryErrorCode.Conflict,
            $"{operation} gave up after {MaxAttempts} attempts: other writers kept changing {string.Join(", ", keys)}");
    }

    private static ExpectVersion Expect(VersionedValue? current) =>
        current is null ? ExpectVersion.Absent : ExpectVersion.Exactly(current.Version);

    private static RegistryResult GoneError(RegistryAgent agent) => RegistryResult.Failed(
        RegistryErrorCode.AgentGone,
        $"agent {agent.Id} was marked gone at {agent.ChangedAt.ToString("O", CultureInfo.InvariantCulture)} and can't rejoin");

    private static RegistryResult UnknownError(string id) =>
        RegistryResult.Failed(RegistryErrorCode.UnknownAgent, $"agent {id} is not in the registry");

    private static RegistryAgent ToAgent(StoredAgent stored) =>
        new(stored.Id, stored.Hostname, stored.AgentInfo, stored.State, stored.ChangedAt);

    private static ImmutableSortedDictionary<string, double> Freeze(Dictionary<string, double> amounts) =>
        amounts.ToImmutableSortedDictionary(StringComparer.Ordinal);

    private static byte[] Encode<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    private static T Decode<T>(string key, ReadOnlyMemory<byte> bytes, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes.Span, typeInfo)
                ?? throw new InvalidDataException($"registry entry '{key}' holds JSON null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"registry entry '{key}' is not a valid {typeof(T).Name}: {e.Message}", e);
        }
    }

    /// <summary>What a CAS round does: commit these operations, or stop with an outcome and write nothing.</summary>
    private sealed record Plan(IReadOnlyList<StoreOperation> Operations, RegistryResult? Outcome)
    {
        public static Plan Write(params StoreOperation[] operations) => new(operations, null);

        public static Plan Stop(RegistryResult outcome) => new([], outcome);
    }

    /// <summary>An agent decision: write <see cref="Next"/>, delete (Next null), or stop with <see cref="Outcome"/>.</summary>
    private sealed record AgentChange(RegistryAgent? Next, RegistryResult? Outcome)
    {
        public static AgentChange Unchanged { get; } = new(null, RegistryResult.Ok);

        public static AgentChange Remove { get; } = new(null, null);

        public static AgentChange Put(RegistryAgent next) => new(next, null);

        public static AgentChange Refuse(RegistryResult outcome) => new(null, outcome);
    }
}
