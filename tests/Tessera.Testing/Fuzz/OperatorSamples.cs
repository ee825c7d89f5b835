namespace Tessera.Testing.Fuzz;

/// <summary>
/// Valid calls of the master's and the agent's Operator APIs. Calls that would take a real agent
/// out of the run (maintenance DOWN, drain, gone) name machines and agents that do not exist: the
/// shapes are valid, and a mutation cannot guess a real id. Quota and weights are set for roles
/// other than the fuzz framework's (a mutation only copies strings the call holds), so a limit never
/// starves the residents.
/// </summary>
public static class OperatorSamples
{
    private static FuzzSample Master(string name, string body, double weight = 2) => new("operator " + name, FuzzTarget.Master, "/api/v1", body, Weight: weight);

    private static FuzzSample Agent(string name, string body, double weight = 1, string? accept = null) =>
        new("agent-operator " + name, FuzzTarget.Agent, "/api/v1", body, Accept: accept, Weight: weight);

    private static readonly string[] Queries =
    [
        "GET_HEALTH", "GET_FLAGS", "GET_VERSION", "GET_METRICS", "GET_LOGGING_LEVEL", "GET_STATE", "GET_AGENTS", "GET_FRAMEWORKS",
        "GET_EXECUTORS", "GET_TASKS", "GET_ROLES", "GET_WEIGHTS", "GET_MASTER", "GET_MAINTENANCE_STATUS",
        "GET_MAINTENANCE_SCHEDULE", "GET_QUOTA", "GET_OPERATIONS",
    ];

    private static readonly string[] AgentQueries =
        ["GET_HEALTH", "GET_FLAGS", "GET_VERSION", "GET_METRICS", "GET_STATE", "GET_CONTAINERS", "GET_FRAMEWORKS", "GET_EXECUTORS", "GET_TASKS", "GET_AGENT"];

    public static IReadOnlyList<FuzzSample> All { get; } =
    [
        .. Queries.Select(q => Master(q, $$"""{"type":"{{q}}"}""", 1) with { ReadOnly = true }),
        Master("GET_METRICS timeout", """{"type":"GET_METRICS","get_metrics":{"timeout":{"nanoseconds":1000000}}}""", 1) with { ReadOnly = true },
        Master("UPDATE_WEIGHTS", """{"type":"UPDATE_WEIGHTS","update_weights":{"weight_infos":[{"role":"weights-a","weight":2.5},{"role":"eng/web","weight":0.5}]}}"""),
        Master("UPDATE_QUOTA", """{"type":"UPDATE_QUOTA","update_quota":{"force":true,"quota_configs":[{"role":"quota-a","guarantees":{"cpus":{"value":0.1}},"limits":{"cpus":{"value":1},"mem":{"value":512}}},{"role":"eng/web","limits":{"mem":{"value":64}}}]}}"""),
        Master("RESERVE_RESOURCES", """{"type":"RESERVE_RESOURCES","reserve_resources":{"agent_id":{"value":"{{agent_id}}"},"source":[{"name":"mem","type":"SCALAR","scalar":{"value":1}}],"resources":[{"name":"mem","type":"SCALAR","scalar":{"value":1},"reservations":[{"type":"DYNAMIC","role":"fuzz","principal":"ops"}]}]}}"""),
        Master("UNRESERVE_RESOURCES", """{"type":"UNRESERVE_RESOURCES","unreserve_resources":{"agent_id":{"value":"{{agent_id}}"},"resources":[{"name":"mem","type":"SCALAR","scalar":{"value":1},"reservations":[{"type":"DYNAMIC","role":"fuzz","principal":"ops"}]}]}}"""),
        Master("UPDATE_MAINTENANCE_SCHEDULE", """{"type":"UPDATE_MAINTENANCE_SCHEDULE","update_maintenance_schedule":{"schedule":{"windows":[{"machine_ids":[{"hostname":"fuzz-host","ip":"10.0.0.9"}],"unavailability":{"start":{"nanoseconds":1900000000000000000},"duration":{"nanoseconds":3600000000000}}}]}}}"""),
        Master("START_MAINTENANCE", """{"type":"START_MAINTENANCE","start_maintenance":{"machines":[{"hostname":"fuzz-host","ip":"10.0.0.9"}]}}"""),
        Master("STOP_MAINTENANCE", """{"type":"STOP_MAINTENANCE","stop_maintenance":{"machines":[{"hostname":"fuzz-host","ip":"10.0.0.9"}]}}"""),
        Master("DRAIN_AGENT", """{"type":"DRAIN_AGENT","drain_agent":{"agent_id":{"value":"fuzz-none-{{unique}}"},"max_grace_period":{"nanoseconds":1000},"mark_gone":false}}"""),
        Master("DEACTIVATE_AGENT", """{"type":"DEACTIVATE_AGENT","deactivate_agent":{"agent_id":{"value":"fuzz-none-{{unique}}"}}}"""),
        Master("REACTIVATE_AGENT", """{"type":"REACTIVATE_AGENT","reactivate_agent":{"agent_id":{"value":"fuzz-none-{{unique}}"}}}"""),
        Master("MARK_AGENT_GONE", """{"type":"MARK_AGENT_GONE","mark_agent_gone":{"agent_id":{"value":"fuzz-none-{{unique}}"}}}"""),
        Master("TEARDOWN", """{"type":"TEARDOWN","teardown":{"framework_id":{"value":"fuzz-none-{{unique}}"}}}"""),
        Master("CREATE_VOLUMES", """{"type":"CREATE_VOLUMES","create_volumes":{"agent_id":{"value":"{{agent_id}}"},"volumes":[{"name":"disk","type":"SCALAR","scalar":{"value":1},"disk":{"persistence":{"id":"v1"},"volume":{"container_path":"data","mode":"RW"}}}]}}""", 1),
        .. AgentQueries.Select(q => Agent(q, $$"""{"type":"{{q}}"}""") with { ReadOnly = true }),
        Agent("LAUNCH_NESTED_CONTAINER_SESSION", """{"type":"LAUNCH_NESTED_CONTAINER_SESSION","launch_nested_container_session":{"container_id":{"value":"s-{{unique}}","parent":{"value":"{{container_id}}"}},"command":{"shell":true,"value":"true","environment":{"variables":[{"name":"A","type":"VALUE","value":"b"}]}}}}""", 2, "application/recordio"),
        Agent("WAIT_NESTED_CONTAINER", """{"type":"WAIT_NESTED_CONTAINER","wait_nested_container":{"container_id":{"value":"s-{{unique}}","parent":{"value":"{{container_id}}"}}}}"""),
        Agent("KILL_NESTED_CONTAINER", """{"type":"KILL_NESTED_CONTAINER","kill_nested_container":{"container_id":{"value":"s-{{unique}}","parent":{"value":"{{container_id}}"}},"signal":15}}"""),
    ];
}
