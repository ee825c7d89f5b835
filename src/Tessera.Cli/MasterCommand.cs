using Microsoft.Extensions.Logging;
using Tessera.Core.Flags;
using Tessera.Master.Hosting;

namespace Tessera.Cli;

/// <summary><c>tessera master</c>: parses the flags, runs a master until SIGINT/SIGTERM, stops it in order.</summary>
internal static class MasterCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args is ["--help"] or ["-h"])
        {
            stdout.WriteLine("Usage: tessera master --work-dir=DIR [flags]");
            stdout.WriteLine();
            stdout.WriteLine("Example: tessera master --work-dir=/var/lib/tessera/master --ip=127.0.0.1 --port=5050");
            stdout.WriteLine();
            stdout.WriteLine(MasterFlags.Declare().Help());
            return TesseraCommand.ExitOk;
        }
        MasterOptions options;
        try
        {
            options = MasterFlags.Parse(args);
        }
        catch (FlagException e)
        {
            stderr.WriteLine($"tessera master: {e.Message}");
            return TesseraCommand.ExitUsage;
        }
        using var logs = LoggerFactory.Create(b => b.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        }).SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft", LogLevel.Warning));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        MasterServer server;
        try
        {
            server = await MasterServer.StartAsync(options, logs: logs, ct: stop.Token);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or UnauthorizedAccessException or InvalidOperationException)
        {
            stderr.WriteLine($"tessera master: cannot start: {e.Message}");
            return TesseraCommand.ExitFailure;
        }
        await using (server)
        {
            stdout.WriteLine($"tessera master {server.MasterId} listening on {server.Address} (work dir {Path.GetFullPath(options.WorkDir)}, registry {options.Registry})");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
            stdout.WriteLine("tessera master: stopping");
        }
        return TesseraCommand.ExitOk;
    }
}
