namespace Tessera.Testing.Fuzz;

/// <summary>Valid calls of the master's Scheduler API and agent link, as templates.</summary>
public static class MasterSamples
{
    private const string Scheduler = "/api/v1/scheduler";

    private static FuzzSample Call(string name, string body, double weight = 3) =>
        new("scheduler " + name, FuzzTarget.Master, Scheduler, body, StreamId: true, Weight: weight);

    public static IReadOnlyList<FuzzSample> All { get; } =
    [
        new("scheduler SUBSCRIBE", FuzzTarget.Master, Scheduler,
            """{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"{{user}}","name":"fuzz-other","failover_timeout":0,"roles":["other"],"capabilities":[{"type":"MULTI_ROLE"}]}}}"""),
        Call("ACCEPT", """{"type":"ACCEPT","framework_id":{"value":"{{framework_id}}"},"accept":{"offer_ids":[{"value":"{{offer_id}}"}],"operations":[{"type":"LAUNCH","launch":{"task_infos":[{"name":"f","task_id":{"value":"fuzz@accept-{{unique}}"},"agent_id":{"value":"{{agent_id}}"},"resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":0.01}},{"name":"mem","type":"SCALAR","scalar":{"value":8}}],"command":{"shell":true,"value":"sleep 120"},"labels":{"labels":[{"key":"k","value":"v"}]}}]}}],"filters":{"refuse_seconds":1}}}""", 6),
        Call("ACCEPT group", """{"type":"ACCEPT","framework_id":{"value":"{{framework_id}}"},"accept":{"offer_ids":[{"value":"{{offer_id}}"}],"operations":[{"type":"LAUNCH_GROUP","launch_group":{"executor":{"type":"DEFAULT","executor_id":{"value":"g-{{unique}}"},"framework_id":{"value":"{{framework_id}}"},"resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":0.01}},{"name":"mem","type":"SCALAR","scalar":{"value":8}}]},"task_group":{"tasks":[{"name":"g","task_id":{"value":"fuzz@accept-g-{{unique}}"},"agent_id":{"value":"{{agent_id}}"},"resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":0.01}},{"name":"mem","type":"SCALAR","scalar":{"value":8}}],"command":{"value":"sleep 60"}}]}}}]}}"""),
        Call("ACCEPT reserve", """{"type":"ACCEPT","framework_id":{"value":"{{framework_id}}"},"accept":{"offer_ids":[{"value":"{{offer_id}}"}],"operations":[{"type":"RESERVE","reserve":{"resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":0.01},"reservations":[{"type":"DYNAMIC","role":"fuzz","principal":"p"}],"allocation_info":{"role":"fuzz"}}]}}]}}"""),
        Call("DECLINE", """{"type":"DECLINE","framework_id":{"value":"{{framework_id}}"},"decline":{"offer_ids":[{"value":"{{offer_id}}"}],"filters":{"refuse_seconds":1}}}"""),
        Call("REVIVE", """{"type":"REVIVE","framework_id":{"value":"{{framework_id}}"},"revive":{"roles":["*"]}}"""),
        Call("SUPPRESS", """{"type":"SUPPRESS","framework_id":{"value":"{{framework_id}}"},"suppress":{"roles":["fuzz"]}}""", 1),
        Call("KILL", """{"type":"KILL","framework_id":{"value":"{{framework_id}}"},"kill":{"task_id":{"value":"{{update_task_id}}"},"agent_id":{"value":"{{update_agent_id}}"},"kill_policy":{"grace_period":{"nanoseconds":1000000}}}}"""),
        Call("SHUTDOWN", """{"type":"SHUTDOWN","framework_id":{"value":"{{framework_id}}"},"shutdown":{"executor_id":{"value":"nope-{{unique}}"},"agent_id":{"value":"{{agent_id}}"}}}""", 1),
        Call("ACKNOWLEDGE", """{"type":"ACKNOWLEDGE","framework_id":{"value":"{{framework_id}}"},"acknowledge":{"agent_id":{"value":"{{update_agent_id}}"},"task_id":{"value":"{{update_task_id}}"},"uuid":"{{update_uuid}}"}}"""),
        Call("RECONCILE", """{"type":"RECONCILE","framework_id":{"value":"{{framework_id}}"},"reconcile":{"tasks":[{"task_id":{"value":"{{update_task_id}}"},"agent_id":{"value":"{{update_agent_id}}"}}]}}"""),
        Call("MESSAGE", """{"type":"MESSAGE","framework_id":{"value":"{{framework_id}}"},"message":{"agent_id":{"value":"{{agent_id}}"},"executor_id":{"value":"{{executor_id}}"},"data":"aGVsbG8="}}"""),
        Call("REQUEST", """{"type":"REQUEST","framework_id":{"value":"{{framework_id}}"},"request":{"requests":[{"agent_id":{"value":"{{agent_id}}"},"resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":1}}]}]}}""", 1),
        Call("UPDATE_FRAMEWORK", """{"type":"UPDATE_FRAMEWORK","framework_id":{"value":"{{framework_id}}"},"update_framework":{"framework_info":{"id":{"value":"{{framework_id}}"},"user":"{{user}}","name":"fuzz","checkpoint":true,"failover_timeout":3600,"roles":["*","fuzz"],"capabilities":[{"type":"MULTI_ROLE"},{"type":"PARTITION_AWARE"},{"type":"TASK_KILLING_STATE"}]}}}"""),
        Call("TEARDOWN", """{"type":"TEARDOWN","framework_id":{"value":"{{framework_id}}"}}""", 0.1),
        Link("register", """{"agent_info":{"id":{"value":"fuzz-agent-S0"},"hostname":"fuzz-agent","port":1,"resources":[]},"version":"1.11.0"}"""),
        Link("stream", """{"agent_id":{"value":"unknown-{{unique}}"}}"""),
        Link("pong", """{"agent_id":{"value":"{{agent_id}}"},"sequence":0}"""),
        Link("status", """{"agent_id":{"value":"{{update_agent_id}}"},"framework_id":{"value":"{{framework_id}}"},"status":{"task_id":{"value":"{{update_task_id}}"},"state":"TASK_RUNNING","source":"SOURCE_EXECUTOR","uuid":"{{update_uuid}}"}}"""),
        Link("statuses", """{"updates":[{"agent_id":{"value":"{{update_agent_id}}"},"framework_id":{"value":"{{framework_id}}"},"status":{"task_id":{"value":"{{update_task_id}}"},"state":"TASK_RUNNING","uuid":"{{update_uuid}}"}}]}"""),
        Link("executor-exited", """{"agent_id":{"value":"{{agent_id}}"},"framework_id":{"value":"{{framework_id}}"},"executor_id":{"value":"nope-{{unique}}"},"status":0}"""),
        Link("message", """{"agent_id":{"value":"{{agent_id}}"},"framework_id":{"value":"{{framework_id}}"},"executor_id":{"value":"{{executor_id}}"},"data":"aGk="}"""),
    ];

    private static FuzzSample Link(string name, string body) => new("agent-link " + name, FuzzTarget.Master, "/agent/v1/" + name, body, Weight: 1);
}
