namespace Tessera.Master.Registry;

/// <summary>
/// What the master loop tells the registry (the durable part of the state: agents admitted,
/// unreachable, gone; quota; weights; maintenance). Calls return at once; writes happen in order
/// off the loop.
/// </summary>
internal interface IRegistryWriter
{
    void AgentAdmitted(string agentId, string hostname, string agentInfoJson);
    void AgentUnreachable(string agentId);
    void AgentReachable(string agentId);
    void AgentGone(string agentId);
    void QuotaSet(string role, IReadOnlyDictionary<string, double> guarantees, IReadOnlyDictionary<string, double> limits);
    void QuotaRemoved(string role);
    void WeightsSet(IReadOnlyDictionary<string, double> weights);
    void MaintenanceSet(string? scheduleJson);
}

/// <summary>The registry of <c>--registry=in_memory</c>: nothing is kept.</summary>
internal sealed class NullRegistryWriter : IRegistryWriter
{
    public static readonly NullRegistryWriter Instance = new();

    public void AgentAdmitted(string agentId, string hostname, string agentInfoJson) { }
    public void AgentUnreachable(string agentId) { }
    public void AgentReachable(string agentId) { }
    public void AgentGone(string agentId) { }
    public void QuotaSet(string role, IReadOnlyDictionary<string, double> guarantees, IReadOnlyDictionary<string, double> limits) { }
    public void QuotaRemoved(string role) { }
    public void WeightsSet(IReadOnlyDictionary<string, double> weights) { }
    public void MaintenanceSet(string? scheduleJson) { }
}
