using System.Text;

namespace Tessera.Agent.Checkpoint;

/// <summary>
/// The agent's identity under <c>work_dir/meta/</c>: the id the master gave it, so a restarted agent
/// re-registers as the same agent. Written atomically.
/// </summary>
internal sealed class AgentCheckpoint(string workDir)
{
    private string IdPath => Path.Combine(workDir, "meta", "agent_id");

    public string? LoadAgentId()
    {
        if (!File.Exists(IdPath)) return null;
        var id = File.ReadAllText(IdPath, Encoding.UTF8).Trim();
        return id.Length == 0 ? null : id;
    }

    public Task SaveAgentIdAsync(string id, CancellationToken ct) => AtomicFile.WriteAsync(IdPath, Encoding.UTF8.GetBytes(id), ct);

    /// <summary>The master refused the id (marked gone): forget it so the next start registers anew.</summary>
    public void Forget()
    {
        if (File.Exists(IdPath)) File.Delete(IdPath);
    }
}
