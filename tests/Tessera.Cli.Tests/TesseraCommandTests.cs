using Tessera.Cli;

namespace Tessera.Cli.Tests;

public sealed class TesseraCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = TesseraCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void VersionPrintsTheVersion()
    {
        var (code, output, _) = Run("--version");
        Assert.Equal(0, code);
        Assert.StartsWith("tessera 0.1.0", output);
    }

    [Fact]
    public void HelpListsExitCodes()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("2 usage error", output);
    }

    [Fact]
    public void UnknownCommandIsAUsageErrorOnOneLine()
    {
        var (code, output, error) = Run("frobnicate");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal("tessera: unknown command 'frobnicate' (run 'tessera --help')", error.TrimEnd());
    }
}
