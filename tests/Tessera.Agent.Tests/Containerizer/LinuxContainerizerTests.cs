using System.Globalization;
using Tessera.Agent.Containerizer;
using Tessera.Agent.Isolation;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Tests.Containerizer;

/// <summary>Real containers on this host: cgroups, namespaces, users, OOM, kills.</summary>
public sealed class LinuxContainerizerTests
{
    [Fact]
    public async Task ExitCodeAndOutputComeBack()
    {
        using var harness = new ContainerHarness();
        var (exit, stdout, stderr) = await harness.RunAsync(harness.Spec("echo out; echo err >&2; exit 7"));
        Assert.Equal(new ContainerExit(7, null), exit);
        Assert.Equal("out\n", stdout);
        Assert.Equal("err\n", stderr);
    }

    [Fact]
    public async Task TaskSeesOnlyItsOwnProcessTree()
    {
        using var harness = new ContainerHarness();
        var (exit, stdout, _) = await harness.RunAsync(harness.Spec("echo self=$$; ps -e -o pid=,comm="));
        Assert.Equal(0, exit.ExitCode);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The launcher's init is pid 1; the shell is 2; ps is the only other process.
        Assert.Equal("self=2", lines[0]);
        var processes = lines.Skip(1).Select(l => l.Trim().Split(' ', 2)).ToList();
        Assert.Equal(["1", "2", "3"], processes.Select(p => p[0]).Order());
        Assert.Contains(processes, p => p[1] == "ps");
    }

    [Fact]
    public async Task TwoTasksHaveDifferentTmp()
    {
        using var harness = new ContainerHarness();
        var first = harness.Spec("echo one > /tmp/mine; ls /tmp");
        var second = harness.Spec("ls /tmp; test ! -e /tmp/mine");
        var (exit1, out1, _) = await harness.RunAsync(first);
        var (exit2, out2, _) = await harness.RunAsync(second);
        Assert.Equal(0, exit1.ExitCode);
        Assert.Contains("mine", out1);
        Assert.Equal(0, exit2.ExitCode);
        Assert.DoesNotContain("mine", out2);
        // The task's /tmp is the sandbox's tmp folder on the host.
        Assert.Equal("one\n", await File.ReadAllTextAsync(Path.Combine(first.Sandbox, "tmp", "mine")));
        Assert.False(File.Exists("/tmp/mine"));
    }

    [Fact]
    public async Task CpuSharesQuotaAndMemoryLimitAreInTheCgroupFiles()
    {
        using var harness = new ContainerHarness();
        var spec = harness.Spec($"cat /proc/self/cgroup; sleep 30", cpus: 0.5, memMb: 96);
        var container = harness.Containerizer.Launch(spec);
        try
        {
            var mounts = CgroupMounts.ReadHost();
            var cpu = mounts.Controllers["cpu"];
            var memory = mounts.Controllers["memory"];
            var cpuDir = CgroupLayout.Dir(cpu.MountPoint, spec.ContainerId);
            var memDir = CgroupLayout.Dir(memory.MountPoint, spec.ContainerId);
            if (cpu.Version == 1)
            {
                Assert.Equal("512", File.ReadAllText(Path.Combine(cpuDir, "cpu.shares")).Trim());
                Assert.Equal("50000", File.ReadAllText(Path.Combine(cpuDir, "cpu.cfs_quota_us")).Trim());
            }
            else
            {
                Assert.Equal(CpuController.Weight(512).ToString(CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(cpuDir, "cpu.weight")).Trim());
            }
            var limitFile = memory.Version == 1 ? "memory.limit_in_bytes" : "memory.max";
            Assert.Equal((96L * 1024 * 1024).ToString(CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(memDir, limitFile)).Trim());
            // The command itself ran inside the container's cgroups (joined before exec).
            var stdout = Path.Combine(spec.Sandbox, "stdout");
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!(File.Exists(stdout) && File.ReadAllText(stdout).Contains("memory:")) && DateTime.UtcNow < deadline) await Task.Delay(20);
            Assert.Contains($"memory:/tessera/{spec.ContainerId}\n", File.ReadAllText(stdout));
            Assert.Contains(container.Pid.ToString(CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(memDir, "cgroup.procs")).Split('\n'));
            var usage = container.Usage();
            Assert.NotNull(usage);
            Assert.Equal(96L * 1024 * 1024, usage.MemLimitBytes);
            Assert.True(usage.MemBytes > 0);
        }
        finally
        {
            await container.KillAsync(TimeSpan.FromMilliseconds(100));
            await container.Exited.WaitAsync(TimeSpan.FromSeconds(20));
        }
        Assert.False(Directory.Exists(CgroupLayout.Dir(CgroupMounts.ReadHost().Controllers["memory"].MountPoint, spec.ContainerId)), "the cgroup was not removed");
    }

    [Fact]
    public async Task OverTheMemoryLimitIsAnOomKillReadFromTheCgroup()
    {
        using var harness = new ContainerHarness();
        // 200 MB in a 64 MB container.
        var (exit, _, _) = await harness.RunAsync(harness.Spec("python3 -c 'x = bytearray(200 * 1024 * 1024); print(len(x))'", memMb: 64));
        Assert.NotNull(exit.Limitation);
        Assert.Equal(TaskStatusReason.REASON_CONTAINER_LIMITATION_MEMORY, exit.Limitation.Reason);
        Assert.StartsWith("Memory limit exceeded: Requested: 64MB", exit.Limitation.Message);
    }

    [Fact]
    public async Task KillLeavesNoProcessBehindEvenADaemon()
    {
        using var harness = new ContainerHarness();
        var marker = $"{400 + Random.Shared.Next(1, 500)}.{Random.Shared.Next(100, 999)}";
        var container = harness.Containerizer.Launch(harness.Spec($"sleep {marker} & setsid sleep {marker} & (setsid sh -c 'sleep {marker}' &); wait"));
        int before;
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (ProcessesWith(marker).Count < 3 && DateTime.UtcNow < deadline) await Task.Delay(20);
            before = ProcessesWith(marker).Count;
        }
        finally
        {
            await container.KillAsync(TimeSpan.FromMilliseconds(300));
            await container.Exited.WaitAsync(TimeSpan.FromSeconds(20));
        }
        Assert.Equal(3, before);
        Assert.Empty(ProcessesWith(marker));
    }

    [Fact]
    public async Task ADaemonLeftBehindByAFinishedTaskIsKilledWithItsContainer()
    {
        using var harness = new ContainerHarness("cgroups/all");
        var marker = $"{900 + Random.Shared.Next(1, 90)}.{Random.Shared.Next(100, 999)}";
        // No pid namespace here: only the cgroup can find the daemon.
        var (exit, _, _) = await harness.RunAsync(harness.Spec($"(setsid sleep {marker} &); exit 0"));
        Assert.Equal(0, exit.ExitCode);
        Assert.Empty(ProcessesWith(marker));
    }

    [Fact]
    public async Task RunsAsTheRequestedUserWithItsOwnHostname()
    {
        using var harness = new ContainerHarness();
        var (exit, stdout, stderr) = await harness.RunAsync(harness.Spec("id -un; hostname; touch $MESOS_SANDBOX/written", user: "nobody", hostname: "task-host"));
        Assert.True(exit.ExitCode == 0, stderr);
        Assert.Equal("nobody\ntask-host\n", stdout);
    }

    [Fact]
    public void UnknownUserIsRefusedWithTheReason()
    {
        using var harness = new ContainerHarness();
        var error = Assert.Throws<ContainerLaunchException>(() => harness.Containerizer.Launch(harness.Spec("true", user: "no-such-user-x")));
        Assert.Contains("unknown user 'no-such-user-x'", error.Message);
    }

    [Fact]
    public async Task GracefulKillLetsTheTaskHandleSigterm()
    {
        using var harness = new ContainerHarness();
        var spec = harness.Spec("trap 'echo terminated; exit 0' TERM; echo ready; while true; do sleep 0.05; done");
        var container = harness.Containerizer.Launch(spec);
        var stdout = Path.Combine(spec.Sandbox, "stdout");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(File.Exists(stdout) && File.ReadAllText(stdout).Contains("ready")) && DateTime.UtcNow < deadline) await Task.Delay(20);
        await container.KillAsync(TimeSpan.FromSeconds(10));
        var exit = await container.Exited.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, exit.ExitCode);
        Assert.Equal("ready\nterminated\n", File.ReadAllText(stdout));
    }

    private static IReadOnlyList<int> ProcessesWith(string argument) => Tessera.Master.Tests.EndToEnd.HostProcesses.WithArgument(argument);
}
