using Tessera.Core.AgentLink;
using Tessera.Core.Protocol.Json;

namespace Tessera.Agent.Checkpoint;

/// <summary>
/// <c>work_dir/meta/containers/&lt;id&gt;/container.json</c> for every container the Linux
/// containerizer starts (checkpointing framework or not): a restarted agent re-attaches to the ones
/// its task checkpoints name and kills the others, so no container is left running unowned.
/// </summary>
internal sealed class ContainerCheckpointStore(string runtimeDir)
{
    /// <summary>
    /// Written in place (no temp file, no fsync): a torn record after a crash mid-write is skipped at
    /// recovery like a missing one, and every extra file a launch creates costs time (ext4's inode
    /// allocation slows with churn; measured in docs/benchmarks.md).
    /// </summary>
    public void Save(AgentContainerCheckpoint container) =>
        File.WriteAllBytes(Path.Combine(runtimeDir, SafeSegment.Check(container.ContainerId), "container.json"), MesosJson.SerializeToUtf8Bytes(container));

    public IReadOnlyList<AgentContainerCheckpoint> LoadAll()
    {
        var found = new List<AgentContainerCheckpoint>();
        if (!Directory.Exists(runtimeDir)) return found;
        foreach (var dir in Directory.EnumerateDirectories(runtimeDir))
        {
            var file = Path.Combine(dir, "container.json");
            try
            {
                if (File.Exists(file)) found.Add(MesosJson.Deserialize<AgentContainerCheckpoint>(File.ReadAllBytes(file)));
            }
            catch (Exception e) when (e is IOException or MesosJsonException)
            {
                // A container whose record is damaged can't be re-attached; its cgroups still can be found by id.
            }
        }
        return found;
    }

    public void Remove(string containerId)
    {
        var dir = Path.Combine(runtimeDir, SafeSegment.Check(containerId));
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }
}
