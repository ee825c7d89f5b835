using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Tessera.Agent.Checkpoint;
using Tessera.Agent.Tasks;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Executor;
using Tessera.Core.Resources;

namespace Tessera.Agent.Executors;

/// <summary>
/// The executors of this agent and the v1 Executor API behind <c>/api/v1/executor</c>: launches
/// custom executors in containers, queues their tasks until they subscribe, relays KILL, MESSAGE,
/// SHUTDOWN and ACKNOWLEDGED to them, takes their updates into the status update manager, and
/// fails what they leave behind. DEFAULT executors are supervised by the agent itself
/// (<see cref="DefaultExecutor"/>). Owned by the agent loop; no locks.
/// </summary>
internal sealed partial class ExecutorManager
{
    private readonly AgentRuntime _rt;
    private readonly ILogger _log;
    private readonly Dictionary<(string Framework, string Executor), AgentExecutor> _executors = [];

    /// <summary>Terminal tasks of executors that have ended, kept until their last update is acknowledged.</summary>
    private readonly Dictionary<(string Framework, string Task), (AgentTask Task, AgentExecutor Executor)> _ended = [];

    private readonly Channel<ExecutorNotice> _notices = Channel.CreateBounded<ExecutorNotice>(new BoundedChannelOptions(4096) { FullMode = BoundedChannelFullMode.DropOldest });

    public ExecutorManager(AgentRuntime rt, ILogger log)
    {
        _rt = rt;
        _log = log;
        Default = new DefaultExecutor(rt, this);
        Checkpoints = new ExecutorCheckpointStore(rt.Options.WorkDir);
    }

    /// <summary>The executor runs of checkpointing frameworks, on disk (<see cref="Checkpoint"/>).</summary>
    public ExecutorCheckpointStore Checkpoints { get; }

    public DefaultExecutor Default { get; }

    /// <summary>Executor exits and executor messages for the master (sent by <see cref="ExecutorNoticeSender"/>).</summary>
    public ChannelReader<ExecutorNotice> Notices => _notices.Reader;

    public IReadOnlyCollection<AgentExecutor> All => _executors.Values;

    public AgentExecutor? Find(string frameworkId, string executorId) => _executors.GetValueOrDefault((frameworkId, executorId));
}
