using System.Net;
using System.Text.Json;

namespace Tessera.Master.Tests.Operator;

public sealed class OperatorWeightsQuotaTests
{
    private static Dictionary<string, double> Weights(JsonElement response) =>
        response.GetProperty("get_weights").TryGetProperty("weight_infos", out var infos)
            ? infos.EnumerateArray().ToDictionary(w => w.GetProperty("role").GetString()!, w => w.GetProperty("weight").GetDouble())
            : [];

    private static Dictionary<string, JsonElement> Quotas(JsonElement response) =>
        response.GetProperty("get_quota").GetProperty("status").TryGetProperty("configs", out var configs)
            ? configs.EnumerateArray().ToDictionary(c => c.GetProperty("role").GetString()!, c => c)
            : [];

    [Fact]
    public async Task Update_weights_round_trips_through_get_weights_and_get_roles()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        var (status, body) = await master.WriteAsync("""{"type":"UPDATE_WEIGHTS","update_weights":{"weight_infos":[{"role":"prod","weight":2.5},{"role":"eng/dev","weight":0.5}]}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("", body);

        var weights = Weights(await master.QueryAsync("GET_WEIGHTS"));
        Assert.Equal(2.5, weights["prod"]);
        Assert.Equal(0.5, weights["eng/dev"]);

        var roles = (await master.QueryAsync("GET_ROLES")).GetProperty("get_roles").GetProperty("roles").EnumerateArray()
            .ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(2.5, roles["prod"].GetProperty("weight").GetDouble());
    }

    [Theory]
    [InlineData("""{"role":"prod","weight":-1}""", "weight_infos[1].weight")]
    [InlineData("""{"role":"prod","weight":0}""", "weight_infos[1].weight")]
    [InlineData("""{"role":"prod","weight":"Infinity"}""", "weight_infos[1].weight")]
    [InlineData("""{"role":"..","weight":1}""", "weight_infos[1].role")]
    [InlineData("""{"weight":1}""", "weight_infos[1].role")]
    [InlineData("""{"role":"ok","weight":3}""", "weight_infos[1].role")]
    public async Task Bad_weights_are_400_naming_the_field_and_change_nothing(string second, string field)
    {
        await using var master = await OperatorTestMaster.StartAsync();
        var (status, body) = await master.WriteAsync($$$$"""{"type":"UPDATE_WEIGHTS","update_weights":{"weight_infos":[{"role":"ok","weight":2},{{{{second}}}}]}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(field, body);
        Assert.Empty(Weights(await master.QueryAsync("GET_WEIGHTS")));
    }

    [Fact]
    public async Task Update_quota_round_trips_and_an_empty_config_removes_it()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        var (status, body) = await master.WriteAsync("""
            {"type":"UPDATE_QUOTA","update_quota":{"force":true,"quota_configs":[
              {"role":"dev","guarantees":{"cpus":{"value":1}},"limits":{"cpus":{"value":4},"mem":{"value":2048}}}]}}
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("", body);

        var dev = Quotas(await master.QueryAsync("GET_QUOTA"))["dev"];
        Assert.Equal(4, dev.GetProperty("limits").GetProperty("cpus").GetProperty("value").GetDouble());
        Assert.Equal(2048, dev.GetProperty("limits").GetProperty("mem").GetProperty("value").GetDouble());
        Assert.Equal(1, dev.GetProperty("guarantees").GetProperty("cpus").GetProperty("value").GetDouble());

        var role = (await master.QueryAsync("GET_ROLES")).GetProperty("get_roles").GetProperty("roles").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "dev");
        Assert.Equal(4, role.GetProperty("quota").GetProperty("limit").GetProperty("cpus").GetProperty("value").GetDouble());

        (status, _) = await master.WriteAsync("""{"type":"UPDATE_QUOTA","update_quota":{"quota_configs":[{"role":"dev"}]}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(Quotas(await master.QueryAsync("GET_QUOTA")));
    }

    [Theory]
    [InlineData("""{"role":"*","limits":{"cpus":{"value":1}}}""", "quota_configs[1].role")]
    [InlineData("""{"role":"a b","limits":{"cpus":{"value":1}}}""", "quota_configs[1].role")]
    [InlineData("""{"role":"x","limits":{"cpus":{"value":-1}}}""", "quota_configs[1].limits.cpus")]
    [InlineData("""{"role":"x","guarantees":{"mem":{"value":"NaN"}}}""", "quota_configs[1].guarantees.mem")]
    [InlineData("""{"role":"x","guarantees":{"cpus":{"value":3}},"limits":{"cpus":{"value":2}}}""", "quota_configs[1].guarantees.cpus")]
    [InlineData("""{"role":"dev","limits":{"cpus":{"value":2}}}""", "quota_configs[1].role")]
    public async Task Bad_quota_is_400_naming_the_field_and_changes_nothing(string second, string field)
    {
        await using var master = await OperatorTestMaster.StartAsync();
        var (status, body) = await master.WriteAsync($$$$"""
            {"type":"UPDATE_QUOTA","update_quota":{"quota_configs":[{"role":"dev","limits":{"cpus":{"value":1}}},{{{{second}}}}]}}
            """);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(field, body);
        Assert.Empty(Quotas(await master.QueryAsync("GET_QUOTA")));
    }

    [Fact]
    public async Task Quota_weights_and_maintenance_survive_a_master_restart_on_sqlite()
    {
        var dir = OperatorTestMaster.NewWorkDir();
        try
        {
            await using (var first = await OperatorTestMaster.StartAsync("sqlite", dir))
            {
                Assert.Equal(HttpStatusCode.OK, (await first.WriteAsync("""{"type":"UPDATE_WEIGHTS","update_weights":{"weight_infos":[{"role":"prod","weight":3}]}}""")).Status);
                Assert.Equal(HttpStatusCode.OK, (await first.WriteAsync("""{"type":"UPDATE_QUOTA","update_quota":{"quota_configs":[{"role":"prod","limits":{"cpus":{"value":8}}}]}}""")).Status);
                Assert.Equal(HttpStatusCode.OK, (await first.WriteAsync("""
                    {"type":"UPDATE_MAINTENANCE_SCHEDULE","update_maintenance_schedule":{"schedule":{"windows":[
                      {"machine_ids":[{"hostname":"m1"}],"unavailability":{"start":{"nanoseconds":1}}}]}}}
                    """)).Status);
                Assert.Equal(HttpStatusCode.OK, (await first.WriteAsync("""{"type":"START_MAINTENANCE","start_maintenance":{"machines":[{"hostname":"m1"}]}}""")).Status);
                await first.Server.FlushRegistryAsync();
            }

            await using var second = await OperatorTestMaster.StartAsync("sqlite", dir);
            Assert.Equal(3, Weights(await second.QueryAsync("GET_WEIGHTS"))["prod"]);
            Assert.Equal(8, Quotas(await second.QueryAsync("GET_QUOTA"))["prod"].GetProperty("limits").GetProperty("cpus").GetProperty("value").GetDouble());
            var schedule = (await second.QueryAsync("GET_MAINTENANCE_SCHEDULE")).GetProperty("get_maintenance_schedule").GetProperty("schedule");
            Assert.Equal("m1", schedule.GetProperty("windows")[0].GetProperty("machine_ids")[0].GetProperty("hostname").GetString());
            var down = (await second.QueryAsync("GET_MAINTENANCE_STATUS")).GetProperty("get_maintenance_status").GetProperty("status").GetProperty("down_machines");
            Assert.Equal("m1", down[0].GetProperty("hostname").GetString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
