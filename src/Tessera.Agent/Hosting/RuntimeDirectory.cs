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

    /// <summary>The containers' folders inside a runtime directory.</summary>
    public static string Containers(string runtimeDir) => Path.Combine(runtimeDir, "containers");
}
