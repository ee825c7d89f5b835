using System.Net;
using Tessera.Master.Tests.Operator;

namespace Tessera.Master.Tests.Hardening;

/// <summary>
/// Regressions for reliability-probe findings 3 and 7 on the master's Operator API: null array
/// elements and null map values are 400s naming the field (they were 500s), role names are
/// checked where they enter, and a refused call changes nothing.
/// </summary>
public sealed class OperatorInputTests
{
    [Theory]
    [InlineData("""{"type":"UPDATE_WEIGHTS","update_weights":{"weight_infos":[null]}}""", "update_weights.weight_infos[0]")]
    [InlineData("""{"type":"UPDATE_QUOTA","update_quota":{"quota_configs":[null]}}""", "update_quota.quota_configs[0]")]
    [InlineData("""{"type":"UPDATE_QUOTA","update_quota":{"quota_configs":[{"role":"dev","limits":{"cpus":null}}]}}""", "update_quota.quota_configs[0].limits.cpus")]
    [InlineData("""{"type":"RESERVE_RESOURCES","reserve_resources":{"agent_id":{"value":"a"},"resources":[null]}}""", "reserve_resources.resources[0]")]
    [InlineData("""{"type":"RESERVE_RESOURCES","reserve_resources":{"agent_id":{"value":"a"},"resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":1},"reservations":[null]}]}}""",
        "reserve_resources.resources[0].reservations[0]")]
    [InlineData("""{"type":"UNRESERVE_RESOURCES","unreserve_resources":{"agent_id":{"value":"a"},"resources":[null]}}""", "unreserve_resources.resources[0]")]
    [InlineData("""{"type":"UPDATE_MAINTENANCE_SCHEDULE","update_maintenance_schedule":{"schedule":{"windows":[null]}}}""", "update_maintenance_schedule.schedule.windows[0]")]
    [InlineData("""{"type":"UPDATE_MAINTENANCE_SCHEDULE","update_maintenance_schedule":{"schedule":{"windows":[{"machine_ids":[null],"unavailability":{"start":{"nanoseconds":1}}}]}}}""",
        "update_maintenance_schedule.schedule.windows[0].machine_ids[0]")]
    [InlineData("""{"type":"START_MAINTENANCE","start_maintenance":{"machines":[null]}}""", "start_maintenance.machines[0]")]
    [InlineData("""{"type":"STOP_MAINTENANCE","stop_maintenance":{"machines":[null]}}""", "stop_maintenance.machines[0]")]
    public async Task NullElementsAre400NamingTheField(string call, string field)
    {
        await using var master = await OperatorTestMaster.StartAsync();

        var (status, body) = await master.WriteAsync(call);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(field + ": must be", body);
    }

    [Theory]
    [InlineData("😀😀😀")]
    [InlineData("caf\u00e9")]
    [InlineData("a:b")]
    public async Task QuotaForRoleNamesMesosWouldRefuseOrWeDoIsRefusedAndNotStored(string role)
    {
        await using var master = await OperatorTestMaster.StartAsync();

        var (status, body) = await master.WriteAsync(
            """{"type":"UPDATE_QUOTA","update_quota":{"quota_configs":[{"role":"ROLE","guarantees":{"cpus":{"value":0.2}}}]}}""".Replace("ROLE", role, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("quota_configs[0].role", body);
        var quota = await master.QueryAsync("GET_QUOTA");
        Assert.False(quota.GetProperty("get_quota").GetProperty("status").TryGetProperty("configs", out var configs) && configs.GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("1e-320")]
    [InlineData("1e308")]
    [InlineData("\"NaN\"")]
    public async Task WeightsMustBeNormalPositiveAndBounded(string weight)
    {
        await using var master = await OperatorTestMaster.StartAsync();

        var (status, body) = await master.WriteAsync(
            """{"type":"UPDATE_WEIGHTS","update_weights":{"weight_infos":[{"role":"a","weight":VALUE}]}}""".Replace("VALUE", weight, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("weight_infos[0].weight", body);
    }

    [Fact]
    public async Task QuotaAmountsFollowTheScalarRules()
    {
        await using var master = await OperatorTestMaster.StartAsync();

        var (status, body) = await master.WriteAsync("""{"type":"UPDATE_QUOTA","update_quota":{"quota_configs":[{"role":"dev","guarantees":{"cpus":{"value":0.0004}}}]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("rounds to 0", body);
    }

    [Fact]
    public async Task DuplicateKeysAreRefused()
    {
        await using var master = await OperatorTestMaster.StartAsync();

        var (status, body) = await master.WriteAsync("""{"type":"UPDATE_WEIGHTS","update_weights":{"weight_infos":[{"role":"a","weight":2,"weight":3}]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("update_weights.weight_infos[0].weight: the key 'weight' appears more than once", body);
    }
}
