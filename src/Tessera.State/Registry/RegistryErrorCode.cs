namespace Tessera.State.Registry;

/// <summary>Why a registry operation was refused.</summary>
public enum RegistryErrorCode
{
    /// <summary>The agent was marked gone and can't come back.</summary>
    AgentGone,

    /// <summary>The registry has no agent with that id.</summary>
    UnknownAgent,

    /// <summary>The agent's state does not allow the operation (e.g. removing an admitted agent).</summary>
    InvalidState,

    /// <summary>Other writers kept changing the same keys; the operation gave up after its retries.</summary>
    Conflict,
}
