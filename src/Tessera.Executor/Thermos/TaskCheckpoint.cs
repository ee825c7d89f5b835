using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tessera.Executor.Thermos;

/// <summary>
/// The task's state in the sandbox, <c>.thermos/checkpoint.json</c>, rewritten atomically (temp file,
/// fsync, rename) on every change, so a restarted executor knows which processes already ran.
/// </summary>
public sealed class TaskCheckpoint(string sandbox)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
        WriteIndented = true,
    };

    /// <summary>The file.</summary>
    public string Path { get; } = System.IO.Path.Combine(sandbox, ".thermos", "checkpoint.json");

    /// <summary>Writes <paramref name="snapshot"/> of task <paramref name="taskId"/>.</summary>
    public async Task SaveAsync(string taskId, TaskSnapshot snapshot, CancellationToken ct)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var file = new CheckpointFile(taskId, snapshot.Task.Name, snapshot.Phase, snapshot.Outcome, snapshot.Message, snapshot.KillRequested, snapshot.TeardownStartedAt,
            [.. snapshot.Task.Processes.Select(p => snapshot[p.Name])]);
        var temp = Path + ".tmp";
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
        {
            await JsonSerializer.SerializeAsync(stream, file, Json, ct).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path, overwrite: true);
    }

    /// <summary>The state checkpointed for <paramref name="taskId"/> running <paramref name="task"/>, or null (none, another task, unreadable).</summary>
    public async Task<TaskSnapshot?> LoadAsync(string taskId, ThermosTask task, CancellationToken ct)
    {
        if (!File.Exists(Path)) return null;
        CheckpointFile? file;
        try
        {
            await using var stream = File.OpenRead(Path);
            file = await JsonSerializer.DeserializeAsync<CheckpointFile>(stream, Json, ct).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }

        if (file is null || file.TaskId != taskId) return null;
        var initial = TaskSnapshot.Initial(task);
        var records = initial.Processes;
        foreach (var record in file.Processes)
            if (records.ContainsKey(record.Name)) records = records.SetItem(record.Name, record);
        return initial with
        {
            Phase = file.Phase,
            Outcome = file.Outcome,
            Message = file.Message,
            KillRequested = file.KillRequested,
            TeardownStartedAt = file.TeardownStartedAt,
            Processes = records,
        };
    }

    private sealed record CheckpointFile(
        string TaskId,
        string Task,
        TaskPhase Phase,
        TaskOutcome? Outcome,
        string? Message,
        bool KillRequested,
        DateTimeOffset? TeardownStartedAt,
        IReadOnlyList<ProcessRecord> Processes);
}
