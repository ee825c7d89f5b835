namespace Tessera.Agent.Containerizer;

/// <summary>Runs an action with a container's end once it comes (the action posts it to the agent loop).</summary>
internal static class ContainerWatch
{
    public static void OnExit(this IContainer container, Action<ContainerExit> then) => _ = WaitAsync(container, then);

    private static async Task WaitAsync(IContainer container, Action<ContainerExit> then) => then(await container.Exited);
}
