using Spectre.Console;

namespace Tessera.Cli.Client;

/// <summary>
/// A view that refreshes (<c>--watch</c>): on a terminal that understands ANSI (Spectre.Console
/// decides, so TERM=dumb and the like get plain output) each frame replaces the last in place;
/// when output is redirected each frame that differs from the previous one is printed as plain
/// lines under a <c>--- time</c> line. Ends (exit 0) on Ctrl-C.
/// </summary>
internal static class LiveView
{
    /// <summary>Whether <paramref name="output"/> is the console and the console is an ANSI terminal.</summary>
    public static bool IsTerminal(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Ansi;

    public static async Task<int> RunAsync(TextWriter output, TimeSpan interval, Func<CancellationToken, Task<string>> render, CancellationToken ct)
    {
        var inPlace = IsTerminal(output);
        string? last = null;
        try
        {
            while (true)
            {
                var frame = await render(ct);
                if (inPlace)
                {
                    AnsiConsole.Clear();
                    AnsiConsole.Write(new Text($"every {interval.TotalSeconds:0.#}s, Ctrl-C to stop   {TimeText.Of(DateTimeOffset.UtcNow)}\n\n" + frame));
                }
                else if (frame != last)
                {
                    await output.WriteAsync($"--- {TimeText.Of(DateTimeOffset.UtcNow)}\n{frame}");
                }
                await output.FlushAsync(ct);
                last = frame;
                await Task.Delay(interval, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return TesseraCommand.ExitOk;
        }
    }
}
