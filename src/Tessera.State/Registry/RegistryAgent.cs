namespace Tessera.State.Registry;

/// <summary>An agent as the registry remembers it.</summary>
/// <param name="Id">The agent id.</param>
/// <param name="Hostname">The host it registered from.</param>
/// <param name="AgentInfoJson">The master's JSON of the agent's info; opaque here.</param>
/// <param name="State">Admitted, unreachable or gone.</param>
/// <param name="ChangedAt">When the entry last changed.</param>
public sealed record RegistryAgent(
    string Id, string Hostname, string AgentInfoJson, AgentRegistryState State, DateTimeOffset ChangedAt);
