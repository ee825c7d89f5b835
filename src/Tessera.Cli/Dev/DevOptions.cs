namespace Tessera.Cli.Dev;

/// <summary>What <c>tessera dev</c> starts: a master and <see cref="Agents"/> agents under one data folder.</summary>
internal sealed record DevOptions
{
    public int Agents { get; init; } = 1;
    public string DataDir { get; init; } = ".tessera";
    public string Ip { get; init; } = "127.0.0.1";
    public int MasterPort { get; init; } = 5050;

    /// <summary>Agent i listens on AgentPortBase + i.</summary>
    public int AgentPortBase { get; init; } = 5051;

    public string Isolation { get; init; } = "auto";

    /// <summary>The first port agents offer; agent i offers 1000 from PortsFrom + 1000 i (two dev clusters on one machine need different ones).</summary>
    public int PortsFrom { get; init; } = Tessera.Agent.Resources.ResourceShare.DefaultFirstPort;
    public bool Demo { get; init; }

    /// <summary>
    /// <c>--agent-resources</c>: what every agent offers of the kinds named (Mesos' resource text
    /// without ports); the others are detected (all cpus; memory and disk split between agents).
    /// </summary>
    public string? AgentResources { get; init; }

    /// <summary>The jobs scheduler's API port: 8081 next to the default master port 5050, else the master port + 3031 the same way.</summary>
    public int JobsPort => MasterPort + 3031;

    /// <summary>
    /// Agent i listens on 127.0.0.(i+1) (all of 127/8 is loopback), so each agent is a host of
    /// its own: a job's "one instance per host" rule spreads over them as over machines.
    /// </summary>
    public string AgentIp(int index) => Ip == "127.0.0.1" && index < 254 ? $"127.0.0.{index + 1}" : Ip;

    public string MasterDir => Path.Combine(DataDir, "master");
    public string JobsDir => Path.Combine(DataDir, "jobs");
    public string AgentDir(int index) => Path.Combine(DataDir, $"agent-{index + 1}");
    public string LogFile => Path.Combine(DataDir, "logs", "tessera-dev.log");
}
