using Tessera.Core.Resources;

namespace Tessera.Agent.Hosting;

/// <summary>Everything <c>tessera agent</c> is configured with.</summary>
public sealed record AgentOptions
{
    /// <summary>The master's base address, e.g. <c>http://127.0.0.1:5050</c>.</summary>
    public required Uri Master { get; init; }

    public required string WorkDir { get; init; }

    public string Ip { get; init; } = "127.0.0.1";
    public int Port { get; init; } = 5051;
    public string? Hostname { get; init; }

    /// <summary>Overrides detection when set (text or JSON form).</summary>
    public ResourceSet? Resources { get; init; }

    public string? Attributes { get; init; }

    /// <summary>Status updates not acknowledged are sent again after this, doubling up to <see cref="StatusRetryMax"/> (Mesos: 10 s → 10 min).</summary>
    public TimeSpan StatusRetryInitial { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan StatusRetryMax { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Registration backoff (Mesos: 1 s up to 1 min).</summary>
    public TimeSpan RegisterBackoffMax { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary><c>--recover</c>: <c>reconnect</c> re-attaches to the containers of checkpointing frameworks after a restart; <c>cleanup</c> kills them.</summary>
    public string Recover { get; init; } = "reconnect";

    /// <summary><c>--runtime-dir</c>: where containers' runtime files go; null: <see cref="RuntimeDirectory.Resolve"/>'s default.</summary>
    public string? RuntimeDir { get; init; }

    /// <summary><c>--isolation</c>: auto, posix, or a Mesos-style isolator list (see IsolationConfig).</summary>
    public string Isolation { get; init; } = "auto";

    /// <summary><c>--cgroups-enable-cfs</c>: a hard CPU limit (CFS quota) besides the shares.</summary>
    public bool CgroupsEnableCfs { get; init; }

    /// <summary>Default SIGTERM → SIGKILL grace for command tasks (Mesos' command executor: 3 s).</summary>
    public TimeSpan DefaultKillGrace { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>A custom executor that hasn't subscribed this long after its launch is killed and its queued tasks fail (Mesos: 1 min).</summary>
    public TimeSpan ExecutorRegistrationTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// <c>--recovery-timeout</c>: after a restart, how long a recovered executor of a checkpointing
    /// framework has to subscribe again before it is killed and its tasks fail; also what its
    /// executor is told to wait for a restarted agent (<c>MESOS_RECOVERY_TIMEOUT</c>; Mesos: 15 min).
    /// </summary>
    public TimeSpan RecoveryTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>After SHUTDOWN, how long an executor has to exit before its container is killed (Mesos: 5 s; an ExecutorInfo's own shutdown_grace_period wins).</summary>
    public TimeSpan ExecutorShutdownGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><c>--default-role</c>: detected resources, and those in <c>--resources</c> written without a role, are reserved to this role (Mesos: <c>*</c>, unreserved).</summary>
    public string DefaultRole { get; init; } = "*";

    /// <summary><c>--gc-delay</c>: how long the sandbox of a finished task or executor is kept once the agent forgets it (Mesos: 1 week; less when the disk fills up).</summary>
    public TimeSpan GcDelay { get; init; } = TimeSpan.FromDays(7);

    /// <summary><c>--gc-disk-headroom</c>: sandboxes older than <c>gc_delay × max(0, 1 − headroom − disk usage)</c> are removed at each disk check (Mesos: 0.1).</summary>
    public double GcDiskHeadroom { get; init; } = 0.1;

    /// <summary><c>--disk-watch-interval</c>: how often the work dir's disk usage is checked for the GC (Mesos: 1 min).</summary>
    public TimeSpan DiskWatchInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Runs detection tools (<c>nvidia-smi</c>); null: looked up on the agent's PATH. A seam for tests.</summary>
    internal Resources.ICommandRunner? DetectionCommands { get; init; }
}
