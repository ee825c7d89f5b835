using Tessera.Agent.Containerizer;

namespace Tessera.Agent.Tests.Containerizer;

public sealed class ProcessWatchTests
{
    private const string Rest = "1 1 1 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 987654 1000 100";

    [Fact]
    public void StateAndStartTimeAreReadAfterTheLastParenthesisOfTheName()
    {
        Assert.Equal(('S', "987654"), ProcessWatch.ParseStat($"42 (sleep) S {Rest}"));
        // A name may hold spaces and ')'.
        Assert.Equal(('Z', "987654"), ProcessWatch.ParseStat($"42 (a) b) (c) Z {Rest}"));
        Assert.Null(ProcessWatch.ParseStat("42 (short) S 1 2"));
        Assert.Null(ProcessWatch.ParseStat("garbage"));
    }

    [Fact]
    public async Task AZombieCountsAsExited()
    {
        // A process whose parent never reaps it: sh forks `true`, then becomes sleep, which never waits.
        using var parent = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", "true & exec sleep 30"]))!;
        try
        {
            int? zombie = null;
            for (var i = 0; i < 100 && zombie is null; i++)
            {
                zombie = NamespaceInit.FirstChild(parent.Id);
                if (zombie is null) await Task.Delay(20);
            }
            Assert.NotNull(zombie);
            // The child exits at once; its parent (now sleep) never waits for it.
            var started = ProcessWatch.StartTime(zombie.Value);
            Assert.NotNull(started);
            await ProcessWatch.WaitForExitAsync(zombie.Value, started).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(Signals.Kill(zombie.Value, 0), "the zombie is still there: kill(0) alone would have waited for it forever");
        }
        finally
        {
            parent.Kill();
            await parent.WaitForExitAsync();
        }
    }
}
