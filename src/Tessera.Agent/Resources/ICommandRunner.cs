namespace Tessera.Agent.Resources;

/// <summary>Runs a tool found on PATH for resource detection (<c>nvidia-smi</c>); the seam tests feed output through.</summary>
internal interface ICommandRunner
{
    /// <summary>The tool's exit code and standard output; null when the tool is not on PATH or could not run.</summary>
    Task<CommandOutput?> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct);
}

/// <summary>How a detection command ended.</summary>
internal sealed record CommandOutput(int ExitCode, string Stdout);
