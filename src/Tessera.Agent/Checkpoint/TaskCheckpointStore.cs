using Tessera.Core.AgentLink;
using Tessera.Core.Protocol.Json;

namespace Tessera.Agent.Checkpoint;

/// <summary>
/// Per-task checkpoints of checkpointing frameworks under <c>work_dir/meta/frameworks/&lt;fw&gt;/
/// tasks/&lt;task&gt;/task.json</c> (ids were checked by the master to be safe path segments, and are
/// checked again here). Written atomically and fsynced on the agent loop, before the update they
/// hold is handed to the sender.
/// </summary>
internal sealed class TaskCheckpointStore(string workDir)
{
    private string Root => Path.Combine(workDir, "meta", "frameworks");

    public void Save(AgentTaskCheckpoint checkpoint)
    {
        var path = PathOf(checkpoint.FrameworkInfo.Id!.Value, checkpoint.Task.TaskId.Value);
        AtomicFile.Write(path, MesosJson.SerializeToUtf8Bytes(checkpoint));
    }

    public void Remove(string frameworkId, string taskId)
    {
        var dir = Path.GetDirectoryName(PathOf(frameworkId, taskId))!;
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        // Empty folders go; the framework's executor checkpoints (executors/) stay.
        var framework = Path.Combine(Root, frameworkId);
        var tasks = Path.Combine(framework, "tasks");
        if (Directory.Exists(tasks) && !Directory.EnumerateFileSystemEntries(tasks).Any()) Directory.Delete(tasks);
        if (Directory.Exists(framework) && !Directory.EnumerateFileSystemEntries(framework).Any()) Directory.Delete(framework);
    }

    /// <summary>Every readable checkpoint, and the paths of those that could not be read (a crash mid-write leaves the old one, so these are real damage).</summary>
    public (IReadOnlyList<AgentTaskCheckpoint> Tasks, IReadOnlyList<string> Unreadable) LoadAll()
    {
        var tasks = new List<AgentTaskCheckpoint>();
        var unreadable = new List<string>();
        if (!Directory.Exists(Root)) return (tasks, unreadable);
        foreach (var file in Directory.EnumerateFiles(Root, "task.json", SearchOption.AllDirectories))
        {
            try
            {
                tasks.Add(MesosJson.Deserialize<AgentTaskCheckpoint>(File.ReadAllBytes(file)));
            }
            catch (Exception e) when (e is IOException or MesosJsonException)
            {
                unreadable.Add(file);
            }
        }
        return (tasks, unreadable);
    }

    private string PathOf(string frameworkId, string taskId) =>
        Path.Combine(Root, SafeSegment.Check(frameworkId), "tasks", SafeSegment.Check(taskId), "task.json");
}
