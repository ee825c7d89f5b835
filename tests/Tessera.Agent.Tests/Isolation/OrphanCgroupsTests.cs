using System.Diagnostics;
using Tessera.Agent.Containerizer;
using Tessera.Agent.Isolation;
using Tessera.Agent.Tests.Containerizer;

namespace Tessera.Agent.Tests.Isolation;

/// <summary>
/// Regression for reliability-probe finding 7: empty <c>tessera/&lt;uuid&gt;</c> cgroups stayed after
/// an agent <c>kill -9</c>. At start the agent removes container cgroups that no container of its
/// own knows, once they are empty and a minute old (others may be another agent's on this host).
/// </summary>
public sealed class OrphanCgroupsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static OrphanCgroups.Seen Seen(string id, bool populated = false, double minutesOld = 10) =>
        new($"/cg/tessera/{id}", id, populated, Now.AddMinutes(-minutesOld));

    [Fact]
    public void OnlyEmptyOldCgroupsOfUnknownContainersAreRemoved()
    {
        var known = new HashSet<string> { "mine" };
        var seen = new[]
        {
            Seen("orphan"), Seen("busy", populated: true), Seen("young", minutesOld: 0.5), Seen("mine"), Seen("mine.nested-session"), Seen("other.nested"),
        };

        var remove = OrphanCgroups.Decide(seen, known, Now);

        Assert.Equal(["orphan", "other.nested"], remove.Select(s => s.ContainerId).Order());
    }

    [Fact]
    public async Task AnAgentStartRemovesEmptyOrphansAndLeavesBusyAndYoungOnes()
    {
        using var harness = new ContainerHarness();
        var memory = CgroupMounts.ReadHost().Controllers["memory"].MountPoint;
        var orphan = Make(memory, minutesOld: 120);
        var young = Make(memory, minutesOld: 0);
        var busy = Make(memory, minutesOld: 120);
        using var sleeper = Process.Start("sleep", "60");
        await File.WriteAllTextAsync(Path.Combine(busy, "cgroup.procs"), sleeper.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            var outcome = harness.Containerizer.RemoveOrphanCgroups(DateTimeOffset.UtcNow)!;

            Assert.False(Directory.Exists(orphan), "the empty, old orphan is still there");
            Assert.True(Directory.Exists(young), "a cgroup made a moment ago (another agent's launch) was removed");
            Assert.True(Directory.Exists(busy), "a cgroup with a process in it was removed");
            Assert.True(outcome.Removed >= 1 && outcome.LeftWithProcesses >= 1 && outcome.LeftYoung >= 1, outcome.ToString());
        }
        finally
        {
            sleeper.Kill();
            await sleeper.WaitForExitAsync();
            foreach (var dir in new[] { young, busy })
                for (var i = 0; i < 50 && Directory.Exists(dir); i++)
                {
                    try { Directory.Delete(dir); } catch (IOException) { await Task.Delay(20); }
                }
        }
    }

    /// <summary>A container cgroup as an agent would have made it, last changed <paramref name="minutesOld"/> ago.</summary>
    private static string Make(string mount, double minutesOld)
    {
        var dir = CgroupLayout.Dir(mount, Guid.NewGuid().ToString());
        Directory.CreateDirectory(dir);
        Directory.SetLastWriteTimeUtc(dir, DateTime.UtcNow.AddMinutes(-minutesOld));
        return dir;
    }
}
