namespace Tessera.Agent.Tests.Files;

/// <summary>A temp work dir with <c>slaves/a1/frameworks/f1/executors/t1/runs/r1/</c> holding <c>stdout</c> and <c>logs/app.log</c>.</summary>
internal sealed class TempSandbox : IDisposable
{
    public TempSandbox()
    {
        WorkDir = Directory.CreateTempSubdirectory("tessera-sandbox-").FullName;
        Root = Path.Combine(WorkDir, "slaves");
        Run = Path.Combine(Root, "a1", "frameworks", "f1", "executors", "t1", "runs", "r1");
        Directory.CreateDirectory(Path.Combine(Run, "logs"));
        File.WriteAllText(Path.Combine(Run, "stdout"), "hello\n");
        File.WriteAllText(Path.Combine(Run, "logs", "app.log"), "log line\n");
    }

    public string WorkDir { get; }
    public string Root { get; }
    public string Run { get; }

    public void Dispose() => Directory.Delete(WorkDir, recursive: true);
}
