namespace Tessera.Cli.Dev;

/// <summary>The demo workload of <c>tessera dev --demo</c>; it runs through the public Scheduler API like any framework.</summary>
internal static class DevDemo
{
    public static Task<int> RunAsync(DevCluster cluster, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        _ = cluster;
        _ = ct;
        stderr.WriteLine("tessera dev: --demo needs 'tessera run', which is not in this build yet");
        stdout.Flush();
        return Task.FromResult(TesseraCommand.ExitFailure);
    }
}
