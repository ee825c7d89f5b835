using System.Threading.Channels;

namespace Tessera.Master.Loop;

/// <summary>Posts a message every <c>period</c> of the injected clock until cancelled: the loop's timers.</summary>
internal static class Ticker
{
    public static Task Start(MasterLoop loop, TimeProvider clock, TimeSpan period, Action<MasterRuntime> action, CancellationToken ct) =>
        Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(period, clock);
            try
            {
                while (await timer.WaitForNextTickAsync(ct))
                    await loop.PostAsync(new ActionMessage(action), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
            }
            catch (ChannelClosedException)
            {
            }
        }, ct);
}
