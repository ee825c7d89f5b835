using Tessera.Agent.Tasks;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Fetcher;

/// <summary>
/// The fetch before a launch, off the agent loop: fetches in the background, then posts the
/// outcome back to the loop, where <paramref name="then"/> runs with null (all fetched) or the
/// message for the task's TASK_FAILED.
/// </summary>
internal static class FetchStep
{
    public static void Start(AgentRuntime rt, AgentTask task, IReadOnlyList<CommandUri> uris, Action<string?> then)
    {
        var fetcher = rt.Fetcher;
        var sandbox = task.Sandbox;
        _ = Task.Run(async () =>
        {
            string? message;
            try
            {
                message = (await fetcher.FetchAsync(uris, sandbox, CancellationToken.None)).Message;
            }
            catch (Exception e)
            {
                // Whatever went wrong, the task must end rather than wait for ever in STAGING.
                message = $"Failed to fetch URIs: {e.Message}";
            }
            rt.Post(_ => then(message));
        });
    }
}
