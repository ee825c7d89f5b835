namespace Tessera.Master.Tests.Compat;

/// <summary>
/// Builds tests/compat/mesos-go-scheduler once per test class, in GOPATH mode against Debian's
/// mesos-go sources, into a temp dir (with its own GOCACHE) that goes away with the fixture.
/// Never throws: a missing toolchain or a failed build is reported for the test to assert on.
/// </summary>
public sealed class MesosGoBuild : IDisposable
{
    public const string MesosGoLib = "/usr/share/gocode/src/github.com/mesos/mesos-go/api/v1/lib/httpcli/httpsched";

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("tessera-mesos-go-");
    private readonly Lazy<Task<(string? Binary, string Report)>> _build;

    public MesosGoBuild() => _build = new(BuildAsync);

    /// <summary>The binary, or null and why not; the report has the build's output and timing either way.</summary>
    public Task<(string? Binary, string Report)> BinaryAsync() => _build.Value;

    private async Task<(string? Binary, string Report)> BuildAsync()
    {
        var go = FindGo();
        if (go is null || !Directory.Exists(MesosGoLib))
            return (null, $"the mesos-go compatibility test needs `go` on PATH (found: {go ?? "none"}) and mesos-go's sources at {MesosGoLib} " +
                $"(exists: {Directory.Exists(MesosGoLib)}); test.sh installs the Debian packages golang-go and golang-github-mesos-mesos-go-dev " +
                "(run it as root, or apt-get install them)");
        var source = Path.Combine(RepoRoot(), "tests", "compat", "mesos-go-scheduler");
        var binary = Path.Combine(_temp.FullName, "mesos-go-scheduler");
        var env = new Dictionary<string, string>
        {
            ["GO111MODULE"] = "off",
            ["GOPATH"] = $"{Path.Combine(_temp.FullName, "gopath")}:/usr/share/gocode",
            ["GOCACHE"] = Path.Combine(_temp.FullName, "gocache"),
            ["GOFLAGS"] = "",
            ["CGO_ENABLED"] = "0",
        };
        var build = await ExternalProcess.RunAsync(go, ["build", "-o", binary, "."], TimeSpan.FromMinutes(5), source, env);
        var report = $"go build ({go}) in {source}: {build.Describe()}";
        return build.ExitCode == 0 && File.Exists(binary) ? (binary, report) : (null, $"go build failed\n{report}");
    }

    private static string? FindGo() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/lib/go/bin")
            .Select(dir => Path.Combine(dir, "go"))
            .FirstOrDefault(File.Exists);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "tests", "compat", "mesos-go-scheduler", "main.go"))) return dir.FullName;
        throw new InvalidOperationException($"no tests/compat/mesos-go-scheduler/main.go above {AppContext.BaseDirectory}");
    }

    public void Dispose()
    {
        try { _temp.Delete(recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
