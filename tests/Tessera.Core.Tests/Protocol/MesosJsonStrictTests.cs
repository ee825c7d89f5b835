using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;
using Tessera.Core.Protocol.Scheduler;

namespace Tessera.Core.Tests.Protocol;

/// <summary>Regression tests for reliability-probe findings 2, 3 and 7: what the strict pass refuses, and how it is named.</summary>
public sealed class MesosJsonStrictTests
{
    [Theory]
    [InlineData("""{"type":"DECLINE","decline":{"offer_ids":[null]}}""", "$.decline.offer_ids[0]", "must be an object, not null")]
    [InlineData("""{"type":"ACCEPT","accept":{"offer_ids":[{"value":"o"}],"operations":[{"type":"LAUNCH","launch":{"task_infos":[]}},null]}}""",
        "$.accept.operations[1]", "must be an object, not null")]
    [InlineData("""{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"u","name":"n","roles":["a",null]}}}""",
        "$.subscribe.framework_info.roles[1]", "must be a string, not null")]
    [InlineData("""{"type":"RECONCILE","reconcile":{"tasks":[null]}}""", "$.reconcile.tasks[0]", "must be an object, not null")]
    public void NullArrayElementsInSchedulerCallsNameTheFieldAndType(string json, string path, string rule)
    {
        var e = Assert.Throws<MesosJsonException>(() => MesosJson.Deserialize<SchedulerCall>(json));

        Assert.Equal(path, e.Path);
        Assert.Equal(rule, e.Rule);
    }

    [Theory]
    [InlineData("""{"type":"UPDATE_WEIGHTS","update_weights":{"weight_infos":[null]}}""", "$.update_weights.weight_infos[0]")]
    [InlineData("""{"type":"UPDATE_QUOTA","update_quota":{"quota_configs":[null]}}""", "$.update_quota.quota_configs[0]")]
    [InlineData("""{"type":"START_MAINTENANCE","start_maintenance":{"machines":[null]}}""", "$.start_maintenance.machines[0]")]
    [InlineData("""{"type":"UPDATE_MAINTENANCE_SCHEDULE","update_maintenance_schedule":{"schedule":{"windows":[null]}}}""",
        "$.update_maintenance_schedule.schedule.windows[0]")]
    public void NullArrayElementsInOperatorCallsAreRefused(string json, string path)
    {
        var e = Assert.Throws<MesosJsonException>(() => MesosJson.Deserialize<OperatorCall>(json));

        Assert.Equal(path, e.Path);
        Assert.EndsWith("not null", e.Rule);
    }

    [Fact]
    public void NullMapValuesAreRefusedWhileNullFieldsMeanAbsent()
    {
        var e = Assert.Throws<MesosJsonException>(() => MesosJson.Deserialize<OperatorCall>(
            """{"type":"UPDATE_QUOTA","update_quota":{"quota_configs":[{"role":"dev","limits":{"cpus":null}}]}}"""));

        Assert.Equal("$.update_quota.quota_configs[0].limits.cpus", e.Path);
        Assert.Equal("must be an object, not null", e.Rule);
        Assert.Null(MesosJson.Deserialize<OperatorCall>("""{"type":"UPDATE_QUOTA","update_quota":{"quota_configs":[{"role":"dev","limits":null}]}}""")
            .UpdateQuota!.QuotaConfigs![0].Limits);
    }

    [Fact]
    public void ANullMapValueUnderAKeyWithADotIsRefusedToo()
    {
        var e = Assert.Throws<MesosJsonException>(() => MesosJson.Deserialize<OperatorCall>(
            """{"type":"UPDATE_QUOTA","update_quota":{"quota_configs":[{"role":"eng","guarantees":{"cpus.x":null}}]}}"""));

        Assert.Equal("$.update_quota.quota_configs[0].guarantees['cpus.x']", e.Path);
    }

    [Fact]
    public void DuplicateKeysAreRefusedNotLastWins()
    {
        var e = Assert.Throws<MesosJsonException>(() => MesosJson.Deserialize<OperatorCall>("""{"type":"GET_HEALTH","type":"GET_VERSION"}"""));

        Assert.Equal("$.type", e.Path);
        Assert.Contains("'type' appears more than once", e.Rule);
    }

    [Fact]
    public void LoneSurrogatesAndBadUtf8AreRefused()
    {
        Assert.Throws<MesosJsonException>(() => MesosJson.Deserialize<OperatorCall>("""{"type":"GET_HEALTH","x\ud800":1}"""));
        Assert.Throws<MesosJsonException>(() => MesosJson.Deserialize<OperatorCall>([.. "{\"type\":\""u8, 0xFF, .. "\"}"u8]));
    }

    [Fact]
    public void TypeErrorsNeverShowClrTypeNames()
    {
        var e = Assert.Throws<MesosJsonException>(() => MesosJson.Deserialize<SchedulerCall>("""{"type":"KILL","kill":{"task_id":"t"}}"""));

        Assert.Equal("$.kill.task_id", e.Path);
        Assert.Equal("expected an object", e.Rule);
        Assert.DoesNotContain("Tessera", e.Message);
    }
}
