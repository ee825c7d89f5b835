namespace Tessera.Agent.Executors;

/// <summary>Where an executor is in its life on this agent (Mesos: REGISTERING, RUNNING, TERMINATING, TERMINATED).</summary>
internal enum ExecutorState
{
    /// <summary>Its container runs; it hasn't subscribed yet. Tasks for it are queued.</summary>
    Launching,

    /// <summary>Subscribed (its event stream may be momentarily closed; it can subscribe again).</summary>
    Subscribed,

    /// <summary>Recovered after an agent restart; it subscribed before, and must subscribe again within the recovery timeout.</summary>
    Recovering,

    /// <summary>SHUTDOWN sent or the registration timed out: its container is being killed.</summary>
    Terminating,

    /// <summary>Its container is gone.</summary>
    Terminated,
}
