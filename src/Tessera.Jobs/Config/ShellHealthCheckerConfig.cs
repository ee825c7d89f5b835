namespace Tessera.Jobs.Config;

/// <summary>The shell health checker: healthy when <c>shell_command</c> exits 0.</summary>
public sealed record ShellHealthCheckerConfig(string ShellCommand);
