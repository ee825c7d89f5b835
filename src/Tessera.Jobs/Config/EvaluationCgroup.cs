namespace Tessera.Jobs.Config;

/// <summary>
/// A cgroup v2 leaf for one config evaluation, when this process may make one (root, a cgroup2
/// mount): the evaluation joins it first, and <c>cgroup.kill</c> ends everything it started, even
/// a process that left our session and subreaper. Elsewhere the supervisor and the process group
/// are the whole story (docs/jobs-config.md, "Limits of the evaluation").
/// </summary>
internal sealed class EvaluationCgroup : IDisposable
{
    private EvaluationCgroup(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>A fresh leaf under the cgroup2 mount, or null when none can be made here.</summary>
    public static EvaluationCgroup? TryCreate()
    {
        if (Mount() is not { } mount) return null;
        var directory = Path.Combine(mount, $"tessera-config-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            if (!File.Exists(Path.Combine(directory, "cgroup.kill")))
            {
                System.IO.Directory.Delete(directory);
                return null;
            }
            return new EvaluationCgroup(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Kills every process in the cgroup.</summary>
    public void Kill()
    {
        try
        {
            File.WriteAllText(Path.Combine(Directory, "cgroup.kill"), "1");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Kills what is left and removes the cgroup (waits up to a second for it to empty).</summary>
    public void Dispose()
    {
        Kill();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                System.IO.Directory.Delete(Directory);
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(10);
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    private static string? Mount()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/mountinfo"))
            {
                var dash = line.IndexOf(" - ", StringComparison.Ordinal);
                if (dash < 0 || !line[(dash + 3)..].StartsWith("cgroup2 ", StringComparison.Ordinal)) continue;
                var fields = line[..dash].Split(' ');
                if (fields.Length > 4 && fields[3] == "/") return fields[4];
            }
        }
        catch (IOException)
        {
        }
        return null;
    }
}
