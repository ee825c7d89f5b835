namespace Tessera.Cli;

/// <summary>How to start this same `tessera` program again as a shell command (for the executor an agent launches).</summary>
internal static class SelfCommand
{
    /// <summary><c>'/path/tessera' executor thermos</c>, or <c>'/usr/bin/dotnet' '/path/tessera.dll' executor thermos</c> when run under dotnet.</summary>
    public static string ThermosExecutor()
    {
        var process = Environment.ProcessPath ?? "tessera";
        var underDotnet = Path.GetFileNameWithoutExtension(process) == "dotnet";
        var program = underDotnet ? $"{Quote(process)} {Quote(typeof(SelfCommand).Assembly.Location)}" : Quote(process);
        return $"{program} executor thermos";
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
