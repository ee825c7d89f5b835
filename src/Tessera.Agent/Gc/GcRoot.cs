namespace Tessera.Agent.Gc;

/// <summary>
/// Where the GC may delete: entries exactly <see cref="EntryDepth"/> levels below
/// <c>work_dir/&lt;Under…&gt;</c>; after an entry goes, its parents that are left empty go too,
/// down to <see cref="KeepDepth"/> levels below the root (those stay).
/// </summary>
internal sealed record GcRoot(string WorkDir, IReadOnlyList<string> Under, int EntryDepth, int KeepDepth)
{
    /// <summary><c>slaves/&lt;agent&gt;/frameworks/&lt;fw&gt;/executors/&lt;ex&gt;/runs/&lt;run&gt;</c>; empty <c>runs</c>, executor, <c>executors</c> and framework folders go with it.</summary>
    public static GcRoot Sandboxes(string workDir) => new(workDir, ["slaves"], EntryDepth: 7, KeepDepth: 2);

    /// <summary><c>meta/containers/&lt;id&gt;</c>: runtime folders of containers the agent no longer knows.</summary>
    public static GcRoot ContainerRecords(string workDir) => new(workDir, ["meta", "containers"], EntryDepth: 1, KeepDepth: 0);

    public static IReadOnlyList<GcRoot> All(string workDir) => [Sandboxes(workDir), ContainerRecords(workDir)];

    public string Path => System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(System.IO.Path.Combine([WorkDir, .. Under])));
}
