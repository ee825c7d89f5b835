using System.CommandLine;
using Tessera.Jobs.Framework;

namespace Tessera.Cli.Client;

/// <summary>What a client command runs with: where the master is, how to print, where to.</summary>
internal sealed record CliContext(Uri Master, bool Json, bool Verbose, TextWriter Out, TextWriter Error)
{
    public OperatorClient Operator() => new(Master);
}

/// <summary>
/// Wraps a command's body: builds its <see cref="CliContext"/>, and turns failures into one line on
/// stderr and the documented exit code (a stack trace only with --verbose).
/// </summary>
internal static class CliAction
{
    public static void Set(Command command, GlobalOptions global, TextWriter stdout, TextWriter stderr,
        Func<ParseResult, CliContext, CancellationToken, Task<int>> body)
    {
        command.SetAction(async (parse, ct) =>
        {
            var verbose = parse.GetValue(global.Verbose);
            try
            {
                var context = new CliContext(MasterAddress.Parse(parse.GetValue(global.Master) ?? MasterAddress.Default), parse.GetValue(global.Json), verbose, stdout, stderr);
                return await body(parse, context, ct);
            }
            catch (CliException e)
            {
                stderr.WriteLine($"tessera: {e.Message}");
                if (verbose && e.InnerException is { } inner) stderr.WriteLine(inner);
                return e.ExitCode;
            }
            catch (SchedulerConnectionException e)
            {
                stderr.WriteLine(e.Unreachable
                    ? $"tessera: {e.Message} (is it running? set --master or TESSERA_MASTER)"
                    : $"tessera: {e.Message}");
                if (verbose && e.InnerException is { } inner) stderr.WriteLine(inner);
                return e.Unreachable ? TesseraCommand.ExitUnreachable : TesseraCommand.ExitFailure;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                stderr.WriteLine("tessera: interrupted");
                return TesseraCommand.ExitFailure;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or ArgumentException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"tessera: {e.Message}");
                if (verbose) stderr.WriteLine(e);
                return TesseraCommand.ExitFailure;
            }
        });
    }
}
