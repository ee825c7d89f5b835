using Tessera.Core.AgentLink;
using Tessera.Core.Protocol.Json;

namespace Tessera.Agent.Checkpoint;

/// <summary>
/// Per-executor-run checkpoints of checkpointing frameworks under <c>work_dir/meta/frameworks/
/// &lt;fw&gt;/executors/&lt;executor&gt;/runs/&lt;run&gt;/executor.json</c> (Mesos' layout). Written
/// atomically and fsynced on the agent loop, before the updates they hold are handed to the sender.
/// </summary>
internal sealed class ExecutorCheckpointStore(string workDir)
{
    private string Root => Path.Combine(workDir, "meta", "frameworks");

    public void Save(AgentExecutorCheckpoint checkpoint) =>
        AtomicFile.Write(PathOf(checkpoint.FrameworkInfo.Id!.Value, checkpoint.ExecutorInfo.ExecutorId.Value, checkpoint.RunId), MesosJson.SerializeToUtf8Bytes(checkpoint));

    /// <summary>Drops the run's checkpoint, and the folders above it that are left empty.</summary>
    public void Remove(string frameworkId, string executorId, string runId)
    {
        var run = Path.GetDirectoryName(PathOf(frameworkId, executorId, runId))!;
        if (Directory.Exists(run)) Directory.Delete(run, recursive: true);
        var dir = Path.GetDirectoryName(run);
        for (var i = 0; i < 4 && dir is not null && dir != Root; i++, dir = Path.GetDirectoryName(dir))
        {
            if (!Directory.Exists(dir) || Directory.EnumerateFileSystemEntries(dir).Any()) break;
            Directory.Delete(dir);
        }
    }

    /// <summary>Every readable checkpoint, and the paths of those that could not be read.</summary>
    public (IReadOnlyList<AgentExecutorCheckpoint> Executors, IReadOnlyList<string> Unreadable) LoadAll()
    {
        var executors = new List<AgentExecutorCheckpoint>();
        var unreadable = new List<string>();
        if (!Directory.Exists(Root)) return (executors, unreadable);
        foreach (var file in Directory.EnumerateFiles(Root, "executor.json", SearchOption.AllDirectories))
        {
            try
            {
                executors.Add(MesosJson.Deserialize<AgentExecutorCheckpoint>(File.ReadAllBytes(file)));
            }
            catch (Exception e) when (e is IOException or MesosJsonException)
            {
                unreadable.Add(file);
            }
        }
        return (executors, unreadable);
    }

    private string PathOf(string frameworkId, string executorId, string runId) =>
        Path.Combine(Root, SafeSegment.Check(frameworkId), "executors", SafeSegment.Check(executorId), "runs", SafeSegment.Check(runId), "executor.json");
}
