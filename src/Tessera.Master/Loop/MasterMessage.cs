namespace Tessera.Master.Loop;

/// <summary>Something for the master loop to do; <see cref="Apply"/> runs on the loop, alone.</summary>
internal interface IMasterMessage
{
    void Apply(MasterRuntime runtime);
}

/// <summary>A message with an answer: the sender awaits <see cref="Reply"/>.</summary>
internal abstract class MasterRequest<T> : IMasterMessage
{
    private readonly TaskCompletionSource<T> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Reply => _reply.Task;

    public void Apply(MasterRuntime runtime)
    {
        try
        {
            _reply.TrySetResult(Handle(runtime));
        }
        catch (Exception e)
        {
            _reply.TrySetException(e);
            throw;
        }
    }

    protected abstract T Handle(MasterRuntime runtime);
}

/// <summary>Adapts a lambda into a message: for timers and small one-off actions.</summary>
internal sealed class ActionMessage(Action<MasterRuntime> action) : IMasterMessage
{
    public void Apply(MasterRuntime runtime) => action(runtime);
}

/// <summary>Adapts a function into a request.</summary>
internal sealed class FuncRequest<T>(Func<MasterRuntime, T> func) : MasterRequest<T>
{
    protected override T Handle(MasterRuntime runtime) => func(runtime);
}
