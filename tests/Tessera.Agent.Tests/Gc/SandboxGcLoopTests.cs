using Microsoft.Extensions.Logging.Abstractions;
using Tessera.Agent.Containerizer;
using Tessera.Agent.Gc;
using Tessera.Agent.Hosting;
using Tessera.Core.Resources;

namespace Tessera.Agent.Tests.Gc;

/// <summary>The host loop on a fake clock and a fake disk: schedule on the agent loop, pass, check the disk.</summary>
public sealed class SandboxGcLoopTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static (AgentRuntime Runtime, Task Loop) Runtime(string workDir, ManualClock clock)
    {
        var options = new AgentOptions { Master = new Uri("http://127.0.0.1:1"), WorkDir = workDir, GcDelay = TimeSpan.FromHours(1), GcDiskHeadroom = 0.1 };
        var rt = new AgentRuntime(options, ResourceSet.Empty, new PlainContainerizer("test"), clock, new Random(1), NullLogger.Instance);
        return (rt, rt.RunAsync());
    }

    private static SandboxGcLoop Loop(AgentRuntime rt, Func<double?> usage) =>
        new(rt, new GcPolicy(rt.Options.GcDelay, rt.Options.GcDiskHeadroom), TimeSpan.FromMinutes(1), GcRoot.All(rt.Options.WorkDir), usage, NullLogger.Instance);

    [Fact]
    public async Task AScheduledSandboxIsRemovedOnceDueAndForgotten()
    {
        using var dir = new GcTempDir();
        var clock = new ManualClock(T0);
        var (rt, loop) = Runtime(dir.WorkDir, clock);
        var run = dir.Run("fw1", "ex1", "r1");
        await rt.AskAsync(r => { r.Gc.Schedule(run, r.Clock.GetUtcNow()); return 0; });
        var gc = Loop(rt, () => 0.0);

        // 1 h x (1 - 0.1 - 0) = 54 min.
        Assert.Equal(T0 + TimeSpan.FromMinutes(54), await gc.RunOnceAsync(CancellationToken.None));
        Assert.True(Directory.Exists(run));
        clock.Advance(TimeSpan.FromMinutes(54));
        Assert.Null(await gc.RunOnceAsync(CancellationToken.None));
        Assert.False(Directory.Exists(run));
        Assert.Equal(0, await rt.AskAsync(r => r.Gc.Count));
        rt.Complete();
        await loop;
    }

    [Fact]
    public async Task AFillingDiskRemovesSandboxesEarly()
    {
        using var dir = new GcTempDir();
        var clock = new ManualClock(T0);
        var (rt, loop) = Runtime(dir.WorkDir, clock);
        var old = dir.Run("fw1", "ex1", "r1");
        var young = dir.Run("fw1", "ex2", "r2");
        await rt.AskAsync(r => { r.Gc.Schedule(old, T0); r.Gc.Schedule(young, T0 + TimeSpan.FromMinutes(20)); return 0; });
        clock.Advance(TimeSpan.FromMinutes(25));
        var usage = 0.0;
        var gc = Loop(rt, () => usage);
        await gc.RunOnceAsync(CancellationToken.None);
        Assert.True(Directory.Exists(old));
        // 80 % full: 1 h x 0.1 = 6 min.
        usage = 0.8;
        await gc.RunOnceAsync(CancellationToken.None);
        Assert.False(Directory.Exists(old));
        Assert.True(Directory.Exists(young));
        Assert.True(await rt.AskAsync(r => r.Gc.IsScheduled(young)));
        rt.Complete();
        await loop;
    }

    [Fact]
    public async Task ARefusedPathIsDroppedFromTheSchedule()
    {
        using var dir = new GcTempDir();
        var clock = new ManualClock(T0);
        var (rt, loop) = Runtime(dir.WorkDir, clock);
        var outside = Directory.CreateTempSubdirectory("tessera-gc-outside-").FullName;
        await rt.AskAsync(r => { r.Gc.Schedule(outside, T0); return 0; });
        clock.Advance(TimeSpan.FromHours(2));
        await Loop(rt, () => null).RunOnceAsync(CancellationToken.None);
        Assert.True(Directory.Exists(outside));
        Assert.Equal(0, await rt.AskAsync(r => r.Gc.Count));
        Directory.Delete(outside);
        rt.Complete();
        await loop;
    }

    [Fact]
    public void AtStartSandboxesOfUnknownTasksAreScheduledFromTheirMtime()
    {
        using var dir = new GcTempDir();
        var known = dir.Run("fw1", "ex1", "r1");
        var unknown = dir.Run("fw1", "ex2", "r2");
        Directory.SetLastWriteTimeUtc(unknown, new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        var recorded = Path.Combine(dir.WorkDir, "meta", "containers", "live");
        var stale = Path.Combine(dir.WorkDir, "meta", "containers", "stale");
        Directory.CreateDirectory(recorded);
        File.WriteAllText(Path.Combine(recorded, "container.json"), "{}");
        Directory.CreateDirectory(stale);
        Directory.CreateSymbolicLink(Path.Combine(Path.GetDirectoryName(known)!, "link"), Path.GetTempPath());

        var found = SandboxScan.Find(dir.WorkDir);
        Assert.Equal(new[] { known, unknown, stale }.Order(StringComparer.Ordinal), found.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero), found.Single(f => f.Path == unknown).ScheduledAt);

        var gc = new SandboxGc();
        Assert.Equal(2, gc.ScheduleUnknown(found, [known]));
        Assert.Equal(new[] { unknown, stale }.Order(StringComparer.Ordinal), gc.Snapshot().Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.True(gc.Nudges.TryRead(out _));
    }
}
