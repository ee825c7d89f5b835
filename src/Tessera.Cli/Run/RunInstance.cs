using Tessera.Core.Protocol;

namespace Tessera.Cli.Run;

/// <summary>One instance of the run as <see cref="RunFramework"/> tracks it; owned by its loop alone.</summary>
internal sealed class RunInstance(int index)
{
    public int Index { get; } = index;
    public TaskID? TaskId { get; set; }
    public AgentID? AgentId { get; set; }
    public string? Hostname { get; set; }
    public Uri? AgentEndpoint { get; set; }
    public TaskState? State { get; set; }
    public bool? Healthy { get; set; }
    public TaskOutcome? Outcome { get; set; }
    public SandboxTail? Tail { get; set; }
    public Task? Tailing { get; set; }
    public bool KillSent { get; set; }

    public bool Launched => TaskId is not null;
    public bool Ended => Outcome is not null;
    public bool Active => Launched && !Ended;
}
