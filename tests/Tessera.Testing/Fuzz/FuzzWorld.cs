namespace Tessera.Testing.Fuzz;

/// <summary>
/// Everything a fuzz run needs besides the requests: the cluster, the fuzz framework, and on one
/// agent its residents (<see cref="Residents"/>): a command task whose container nested sessions
/// enter, and a task under a custom executor that never subscribes itself (the fuzzer speaks the
/// Executor API in its place). Mutated calls may tear the framework down or kill the residents;
/// <see cref="RestoreAsync"/> and <see cref="EnsureResidentsAsync"/> bring them back.
/// </summary>
public sealed class FuzzWorld : IAsyncDisposable
{
    private int _generation;

    private FuzzWorld(FuzzCluster cluster, FuzzFramework framework, string agentId, Uri agent)
    {
        Cluster = cluster;
        Framework = framework;
        AgentId = agentId;
        Agent = agent;
    }

    public FuzzCluster Cluster { get; }

    public FuzzFramework Framework { get; }

    /// <summary>The agent that runs the residents.</summary>
    public Uri Agent { get; }

    /// <summary>The id of <see cref="Agent"/>.</summary>
    public string AgentId { get; }

    public Uri BaseOf(FuzzTarget target) => target switch
    {
        FuzzTarget.Master => Cluster.Master.Address,
        FuzzTarget.Agent => Agent,
        _ => Cluster.Jobs.Address,
    };

    public static async Task<FuzzWorld> StartAsync(CancellationToken ct = default)
    {
        var cluster = await FuzzCluster.StartAsync(ct: ct).ConfigureAwait(false);
        var framework = new FuzzFramework(cluster.Master.Address);
        try
        {
            await framework.SubscribeAsync(ct).ConfigureAwait(false);
            var agentId = framework.Values["agent_id"];
            var world = new FuzzWorld(cluster, framework, agentId, cluster.Agents.Single(a => a.AgentId == agentId).Address);
            await world.EnsureResidentsAsync(ct).ConfigureAwait(false);
            return world;
        }
        catch
        {
            await framework.DisposeAsync().ConfigureAwait(false);
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Subscribes the fuzz framework again (a failover, or a new framework after a TEARDOWN) and checks the residents.</summary>
    public async Task RestoreAsync(CancellationToken ct)
    {
        try
        {
            await Framework.SubscribeAsync(ct).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} (the stream before ended: {Framework.EndReason}); the master's view: {Cut(await Residents.MasterViewAsync(Cluster.Master.Address, ct).ConfigureAwait(false))}", e);
        }
        await EnsureResidentsAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Launches a new generation of residents unless the current one is running.</summary>
    public async Task EnsureResidentsAsync(CancellationToken ct)
    {
        var master = Cluster.Master.Address;
        if (_generation > 0 && await Residents.RunningAsync(master, Framework.Values["framework_id"], _generation, ct).ConfigureAwait(false)) return;
        if (_generation > 0) await Residents.KillAsync(Framework, AgentId, _generation, ct).ConfigureAwait(false);
        string? why = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            _generation++;
            // A mutated UPDATE_FRAMEWORK may have dropped role fuzz, DECLINEs filtered the agent for
            // long, SUPPRESS stopped offers: put the framework back as it was and REVIVE.
            await Framework.CallAsync(FuzzFramework.UpdateFramework, ct).ConfigureAwait(false);
            await Framework.CallAsync("""{"type":"REVIVE","framework_id":{"value":"{{framework_id}}"}}""", ct).ConfigureAwait(false);
            string offer;
            try
            {
                offer = await Framework.OfferOfAsync(AgentId, "reserved:fuzz", ct).ConfigureAwait(false);
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException(e.Message + "; what the agent's fuzz reservation holds: " +
                    await Residents.ReservedViewAsync(master, AgentId, ct).ConfigureAwait(false), e);
            }
            if (await Residents.LaunchAsync(Framework, AgentId, offer, _generation, ct).ConfigureAwait(false))
            {
                Framework.Set("container_id", await Residents.ContainerAsync(Agent, Framework.Values["framework_id"], _generation, ct).ConfigureAwait(false));
                return;
            }
            Framework.ForgetOffer(AgentId, "reserved:fuzz", offer);
            why = Framework.LastReason($"fuzz-resident-{_generation}");
        }
        throw new InvalidOperationException($"fuzz world: the residents did not start in five attempts; the last: {why}");
    }

    private static string Cut(string text) => text.Length > 4000 ? text[..4000] + "…" : text;

    public async ValueTask DisposeAsync()
    {
        await Framework.DisposeAsync().ConfigureAwait(false);
        await Cluster.DisposeAsync().ConfigureAwait(false);
    }
}
