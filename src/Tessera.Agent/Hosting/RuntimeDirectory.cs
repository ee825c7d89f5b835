using System.Security.Cryptography;
using System.Text;

namespace Tessera.Agent.Hosting;

/// <summary>
/// Where the agent keeps per-container runtime files (the launcher's status file, the container
/// record) — Mesos' <c>--runtime_dir</c>. As root: <c>/run/tessera/&lt;hash of the work dir&gt;</c>,
/// a tmpfs, because these files are created and removed for every launch (on ext4 each new inode
/// cost measurable time under churn, see docs/benchmarks.md) and mean nothing after a reboot, when
/// the containers are gone too. Otherwise, or when /run is missing: <c>work_dir/meta</c>. The hash
/// keeps several agents on one machine (<c>tessera dev --agents N</c>) apart.
/// </summary>
public static class RuntimeDirectory
{
    public static string Resolve(string workDir, string? given)
    {
        if (given is not null) return Path.GetFullPath(given);
        var full = Path.GetFullPath(workDir);
        if (!Isolation.UserLookup.IsRoot || !Directory.Exists("/run")) return Path.Combine(full, "meta");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..16];
        return Path.Combine("/run", "tessera", hash);
    }

    /// <summary>
    /// Removes a runtime directory under <c>/run/tessera</c> that holds no container's folder (at a
    /// stop that left nothing running): otherwise every work dir ever used, a test's temp folder
    /// included, would leave one behind in memory until the next reboot. A fallback under the
    /// work dir (<c>meta</c>) is never removed, nor one that still has containers, which the next
    /// start with the same work dir re-attaches to or cleans up.
    /// </summary>
    public static void RemoveIfUnused(string runtimeDir)
    {
        var full = Path.GetFullPath(runtimeDir);
        if (!full.StartsWith("/run/tessera/", StringComparison.Ordinal) || !Directory.Exists(full)) return;
        var containers = Containers(full);
        try
        {
            if (Directory.Exists(containers) && Directory.EnumerateFileSystemEntries(containers).Any()) return;
            Directory.Delete(full, recursive: true);
        }
        catch (IOException)
        {
            // A launch or a record arrived meanwhile: keep it.
        }
    }

    /// <summary>The containers' folders inside a runtime directory.</summary>
    public static string Containers(string runtimeDir) => Path.Combine(runtimeDir, "containers");
}
