namespace Tessera.Cli.Client;

/// <summary>An expected failure of a client command: one line for the user and the exit code it means.</summary>
internal sealed class CliException(string message, int exitCode = TesseraCommand.ExitFailure, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    public static CliException Unreachable(Uri master, string why, Exception? inner = null) =>
        new($"cannot reach the master at {master}: {why} (is it running? set --master or TESSERA_MASTER)", TesseraCommand.ExitUnreachable, inner);
}
