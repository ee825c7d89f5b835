namespace Tessera.State.Registry;

/// <summary>Stored JSON of an agent entry; kept apart from <see cref="RegistryAgent"/> so the API can change without the format.</summary>
internal sealed record StoredAgent(
    string Id, string Hostname, string AgentInfo, AgentRegistryState State, DateTimeOffset ChangedAt);
