namespace Tessera.State.Registry;

/// <summary>Where an agent stands in the master registry.</summary>
public enum AgentRegistryState
{
    /// <summary>Registered and in the cluster.</summary>
    Admitted,

    /// <summary>Lost contact; may come back (<see cref="MasterRegistry.MarkReachableAsync"/>).</summary>
    Unreachable,

    /// <summary>Declared gone by an operator; never admitted again under this id.</summary>
    Gone,
}
