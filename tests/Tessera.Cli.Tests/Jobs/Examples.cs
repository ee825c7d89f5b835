namespace Tessera.Cli.Tests.Jobs;

/// <summary>The repository's <c>examples/jobs</c> files, found above the test output.</summary>
internal static class Examples
{
    public static string Job(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tessera.slnx")))
                return Path.Combine(dir.FullName, "examples", "jobs", name);
        throw new InvalidOperationException("the repository root (Tessera.slnx) is not above the test output");
    }
}
