namespace Tessera.Agent.Tests.Gc;

/// <summary>A temp work dir with helpers to lay out sandboxes.</summary>
internal sealed class GcTempDir : IDisposable
{
    public string WorkDir { get; } = Directory.CreateTempSubdirectory("tessera-gc-").FullName;

    public string Frameworks(string agent = "a1") => Path.Combine(WorkDir, "slaves", agent, "frameworks");

    public string Run(string framework, string executor, string run, string agent = "a1")
    {
        var path = Path.Combine(Frameworks(agent), framework, "executors", executor, "runs", run);
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "stdout"), "hello");
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(WorkDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
