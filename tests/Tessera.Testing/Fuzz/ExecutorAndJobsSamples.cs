namespace Tessera.Testing.Fuzz;

/// <summary>Valid calls of the agent's Executor API (as the fuzz framework's custom executor) and of the jobs REST API.</summary>
public static class ExecutorAndJobsSamples
{
    private const string Job = "/api/jobs/fuzz/www/prod/fuzz-{{job}}";

    private static FuzzSample Executor(string name, string body) => new("executor " + name, FuzzTarget.Agent, "/api/v1/executor", body, Weight: 3);

    private static FuzzSample Jobs(string name, string path, string body, double weight = 2) => new("jobs " + name, FuzzTarget.Jobs, path, body, Weight: weight);

    public static IReadOnlyList<FuzzSample> All { get; } =
    [
        Executor("SUBSCRIBE", """{"type":"SUBSCRIBE","framework_id":{"value":"{{framework_id}}"},"executor_id":{"value":"{{executor_id}}"},"subscribe":{"unacknowledged_tasks":[],"unacknowledged_updates":[]}}"""),
        Executor("UPDATE", """{"type":"UPDATE","framework_id":{"value":"{{framework_id}}"},"executor_id":{"value":"{{executor_id}}"},"update":{"status":{"task_id":{"value":"{{executor_task_id}}"},"state":"TASK_RUNNING","source":"SOURCE_EXECUTOR","uuid":"{{unique_uuid}}","message":"fuzz","data":"aGk="}}}"""),
        Executor("MESSAGE", """{"type":"MESSAGE","framework_id":{"value":"{{framework_id}}"},"executor_id":{"value":"{{executor_id}}"},"message":{"data":"aGk="}}"""),
        Executor("HEARTBEAT", """{"type":"HEARTBEAT","framework_id":{"value":"{{framework_id}}"},"executor_id":{"value":"{{executor_id}}"}}"""),
        Jobs("create", "/api/jobs", """{"key":{"cluster":"fuzz","role":"www","environment":"prod","name":"fuzz-{{job}}"},"instances":1,"template":{"resources":{"cpus":0.01,"ram_mb":8,"disk_mb":1,"gpus":0},"command":"sleep 60","ports":["http"],"constraints":{"agent":"1,2","host":"limit:2"},"is_service":false,"max_task_failures":1,"priority":0,"partition_policy":{"reschedule":true,"delay_secs":0}}}""", 4),
        Jobs("diff", Job + "/diff", """{"instances":2,"template":{"resources":{"cpus":0.02,"ram_mb":8,"disk_mb":1},"command":"sleep 61"}}"""),
        Jobs("kill", Job + "/kill", """{"instances":[0]}"""),
        Jobs("killall", Job + "/killall", ""),
        Jobs("restart", Job + "/restart", """{"instances":[0],"batch_size":1,"watch_secs":1,"max_per_instance_failures":0,"max_total_failures":0}"""),
        Jobs("restart abort", Job + "/restart/abort", "", 1),
        Jobs("add", Job + "/add", """{"instance":0,"count":1}"""),
        Jobs("update start", Job + "/update", """{"job":{"instances":2,"template":{"resources":{"cpus":0.01,"ram_mb":8,"disk_mb":1},"command":"sleep 62"}},"settings":{"strategy":"variable_batch","batch_sizes":[1,2],"autopause_after_batch":false,"watch_secs":1,"max_per_instance_failures":0,"max_total_failures":0,"rollback_on_failure":true},"instances":[0,1],"message":"fuzz"}""", 3),
        Jobs("update pause", Job + "/update/pause", "", 1),
        Jobs("update resume", Job + "/update/resume", "", 1),
        Jobs("update rollback", Job + "/update/rollback", "", 1),
        Jobs("update pulse", Job + "/update/pulse", "", 1),
        Jobs("update abort", Job + "/update/abort", "", 1),
    ];
}
