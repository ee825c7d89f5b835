using Tessera.Cli;

namespace Tessera.Cli.Tests;

public sealed class TesseraCommandTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await TesseraCommand.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task VersionPrintsTheVersion()
    {
        var (code, output, _) = await Run("--version");
        Assert.Equal(0, code);
        Assert.StartsWith("tessera 0.1.0", output);
    }

    [Fact]
    public async Task HelpListsExitCodes()
    {
        var (code, output, _) = await Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("2 usage error", output);
    }

    [Fact]
    public async Task UnknownCommandIsAUsageErrorOnOneLine()
    {
        var (code, output, error) = await Run("frobnicate");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal("tessera: unknown command 'frobnicate' (run 'tessera --help')", error.TrimEnd());
    }
}

public sealed class MasterCommandTests
{
    [Theory]
    [InlineData("--bogus", "unknown flag '--bogus'")]
    [InlineData("--work-dir=/tmp/x --port=abc", "flag '--port' must be a whole number")]
    [InlineData("--port=5050", "flag '--work-dir' is required")]
    [InlineData("--work-dir=/tmp/x --registry=zookeeper", "flag '--registry' must be sqlite or in_memory")]
    [InlineData("--work-dir=/tmp/x --heartbeat-interval=soon", "flag '--heartbeat-interval'")]
    [InlineData("--work-dir=/tmp/x --weights=prod=-1", "positive weight")]
    [InlineData("--work-dir=/tmp/x --authenticate-frameworks", "not available yet")]
    [InlineData("--work-dir=/tmp/x --ip=localhost", "must be an IP address")]
    public async Task BadFlagsExitTwoWithOneLine(string args, string expected)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await TesseraCommand.RunAsync(["master", .. args.Split(' ')], stdout, stderr);
        Assert.Equal(2, code);
        var line = Assert.Single(stderr.ToString().TrimEnd().Split('\n'));
        Assert.Contains(expected, line);
    }

    [Fact]
    public async Task HelpListsFlagsWithDefaults()
    {
        var stdout = new StringWriter();
        Assert.Equal(0, await TesseraCommand.RunAsync(["master", "--help"], stdout, new StringWriter()));
        Assert.Contains("--allocation-interval=VALUE", stdout.ToString());
        Assert.Contains("(default: 1secs)", stdout.ToString());
    }
}

public sealed class AgentCommandTests
{
    [Theory]
    [InlineData("--master=127.0.0.1:5050", "flag '--work-dir' is required")]
    [InlineData("--work-dir=/tmp/a --master=ftp://x", "flag '--master'")]
    [InlineData("--work-dir=/tmp/a --resources=cpus:x", "flag '--resources'")]
    [InlineData("--work-dir=/tmp/a --attributes=rack", "flag '--attributes'")]
    [InlineData("--work-dir=/tmp/a --port=0", "flag '--port'")]
    [InlineData("--work-dir=/tmp/a --executor-registration-timeout=soon", "flag '--executor-registration-timeout'")]
    [InlineData("--work-dir=/tmp/a --gc-delay=forever", "flag '--gc-delay'")]
    [InlineData("--work-dir=/tmp/a --gc-disk-headroom=1.5", "flag '--gc-disk-headroom' must be a number from 0 to 1")]
    [InlineData("--work-dir=/tmp/a --gc-disk-headroom=lots", "flag '--gc-disk-headroom'")]
    [InlineData("--work-dir=/tmp/a --gc-disk-headroom=-0.1", "flag '--gc-disk-headroom'")]
    [InlineData("--work-dir=/tmp/a --disk-watch-interval=0secs", "flag '--disk-watch-interval' must be at least")]
    [InlineData("--work-dir=/tmp/a --disk-watch-interval=often", "flag '--disk-watch-interval'")]
    [InlineData("--work-dir=/tmp/a --default-role=a//b", "flag '--default-role'")]
    [InlineData("--work-dir=/tmp/a --default-role=-web", "flag '--default-role'")]
    public async Task BadFlagsExitTwoWithOneLine(string args, string expected)
    {
        var stderr = new StringWriter();
        var code = await TesseraCommand.RunAsync(["agent", .. args.Split(' ')], new StringWriter(), stderr);
        Assert.Equal(2, code);
        Assert.Contains(expected, Assert.Single(stderr.ToString().TrimEnd().Split('\n')));
    }

    [Fact]
    public void GcAndRoleFlagsHaveMesosDefaults()
    {
        var options = AgentCommand.Parse(["--work-dir=/tmp/a"]);
        Assert.Equal(TimeSpan.FromDays(7), options.GcDelay);
        Assert.Equal(0.1, options.GcDiskHeadroom);
        Assert.Equal(TimeSpan.FromMinutes(1), options.DiskWatchInterval);
        Assert.Equal("*", options.DefaultRole);
    }

    [Fact]
    public void GcAndRoleFlagsAreParsed()
    {
        var options = AgentCommand.Parse(["--work-dir=/tmp/a", "--gc-delay=2days", "--gc-disk-headroom=0.25", "--disk_watch_interval=30secs", "--default-role=eng/web"]);
        Assert.Equal(TimeSpan.FromDays(2), options.GcDelay);
        Assert.Equal(0.25, options.GcDiskHeadroom);
        Assert.Equal(TimeSpan.FromSeconds(30), options.DiskWatchInterval);
        Assert.Equal("eng/web", options.DefaultRole);
    }

    [Fact]
    public async Task HelpListsTheNewFlagsWithDefaults()
    {
        var stdout = new StringWriter();
        Assert.Equal(0, await TesseraCommand.RunAsync(["agent", "--help"], stdout, new StringWriter()));
        var help = stdout.ToString();
        foreach (var expected in new[] { "--gc-delay=VALUE", "(default: 1weeks)", "--gc-disk-headroom=VALUE", "(default: 0.1)", "--disk-watch-interval=VALUE", "(default: 1mins)", "--default-role=VALUE", "(default: *)" })
            Assert.Contains(expected, help, StringComparison.Ordinal);
    }
}
