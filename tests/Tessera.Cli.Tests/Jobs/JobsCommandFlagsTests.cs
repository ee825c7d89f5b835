using Tessera.Cli.Tests.Cluster;

namespace Tessera.Cli.Tests.Jobs;

/// <summary><c>tessera jobs</c> flags checked before anything starts (no master runs at 127.0.0.1:1).</summary>
public sealed class JobsCommandFlagsTests
{
    [Fact]
    public async Task AnUnknownCronTimeZoneIsExitTwoNamingTheFlag()
    {
        var run = await CliRun.Of(["jobs", "--master", "127.0.0.1:1", "--cron-timezone", "Mars/Olympus_Mons"]);

        Assert.Equal(2, run.Code);
        Assert.StartsWith("tessera jobs: --cron-timezone: 'Mars/Olympus_Mons' is not a time zone this machine knows", run.Err);
    }
}
