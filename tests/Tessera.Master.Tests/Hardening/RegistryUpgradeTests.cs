using Tessera.Master.Tests.Harness;
using Tessera.State;
using Tessera.State.Registry;

namespace Tessera.Master.Tests.Hardening;

/// <summary>
/// A registry written before today's rules (the probe stored quota for role '😀😀😀'): the master
/// still starts on it, takes back what the rules allow and leaves the rest out.
/// </summary>
public sealed class RegistryUpgradeTests
{
    [Fact]
    public async Task EntriesTodaysRulesRefuseAreSkippedAndTheMasterStarts()
    {
        var workDir = Directory.CreateTempSubdirectory("tessera-registry-").FullName;
        await using (var store = await SqliteKeyValueStore.OpenAsync(Path.Combine(workDir, "registry.db"), CancellationToken.None))
        {
            var registry = await MasterRegistry.OpenAsync(store, TimeProvider.System, CancellationToken.None);
            var none = new Dictionary<string, double>();
            Assert.True((await registry.SetQuotaAsync(new RegistryQuota("😀😀😀", new Dictionary<string, double> { ["cpus"] = 0.2 }, none), CancellationToken.None)).IsOk);
            Assert.True((await registry.SetQuotaAsync(new RegistryQuota("dev", new Dictionary<string, double> { ["cpus"] = 1 }, none), CancellationToken.None)).IsOk);
            Assert.True((await registry.SetWeightsAsync(new Dictionary<string, double> { ["caf\u00e9"] = 2, ["prod"] = 3 }, CancellationToken.None)).IsOk);
        }

        await using var master = await TestMaster.StartAsync(o => o with { Registry = "sqlite" }, workDir);

        var quota = await master.Http.PostAsync("/api/v1", new StringContent("""{"type":"GET_QUOTA"}""", System.Text.Encoding.UTF8, "application/json"));
        var text = await quota.Content.ReadAsStringAsync();
        Assert.Contains("\"dev\"", text);
        Assert.DoesNotContain("\\uD83D", text, StringComparison.OrdinalIgnoreCase);
        var weights = await (await master.Http.PostAsync("/api/v1", new StringContent("""{"type":"GET_WEIGHTS"}""", System.Text.Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync();
        Assert.Contains("\"prod\"", weights);
        Assert.DoesNotContain("caf", weights);
    }
}
