using Tessera.Core.Protocol;

namespace Tessera.Agent.Containerizer;

/// <summary>How a CommandInfo becomes an argv (Mesos: shell → <c>/bin/sh -c value</c>; else value is the program and arguments the argv).</summary>
internal static class CommandLine
{
    public const string DefaultPath = CleanEnvironment.DefaultPath;

    public static IReadOnlyList<string> Argv(CommandInfo command)
    {
        if (command.Shell != false) return ["/bin/sh", "-c", command.Value ?? ""];
        var program = command.Value ?? throw new ArgumentException("'command.value' is required when shell is false");
        // Mesos passes arguments as the whole argv, argv[0] included.
        return [program, .. command.Arguments?.Skip(1) ?? []];
    }
}
