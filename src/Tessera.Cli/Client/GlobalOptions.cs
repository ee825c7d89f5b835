using System.CommandLine;

namespace Tessera.Cli.Client;

/// <summary>Options every client command takes (declared once, recursive from the root).</summary>
internal sealed class GlobalOptions
{
    public Option<string> Master { get; } = new("--master")
    {
        Description = "the master, host:port or http://host:port (default: $TESSERA_MASTER or 127.0.0.1:5050)",
        DefaultValueFactory = _ => MasterAddress.Default,
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json") { Description = "print machine-readable JSON instead of tables", Recursive = true };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "print details (a stack trace) on errors", Recursive = true };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Master);
        root.Options.Add(Json);
        root.Options.Add(Verbose);
    }
}
