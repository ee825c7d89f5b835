using Tessera.Cli.Run;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Operator;
using Tessera.Core.Resources;

namespace Tessera.Cli.Tests.Run;

public sealed class PlacementCheckTests
{
    private static AgentEntry Agent(string total, string allocated = "", string offered = "", bool active = true) => new()
    {
        AgentInfo = new AgentInfo { Hostname = "h", Id = AgentID.Of(Guid.NewGuid().ToString()) },
        Active = active,
        TotalResources = ResourceWireForm.ToWire(ResourceSet.Parse(total)),
        AllocatedResources = allocated.Length == 0 ? null : ResourceWireForm.ToWire(ResourceSet.Parse(allocated)),
        OfferedResources = offered.Length == 0 ? null : ResourceWireForm.ToWire(ResourceSet.Parse(offered)),
    };

    private static ResourceAsk Ask(double cpus = 0.5, double mem = 128, double disk = 0, int ports = 0, string role = "*") => new(cpus, mem, disk, ports, role);

    [Fact]
    public void FitsWhenAnAgentHasItFree()
    {
        var decision = PlacementCheck.Decide(Ask(), [Agent("cpus:4;mem:1024", allocated: "cpus:3;mem:512")]);
        Assert.Equal(PlacementVerdict.Fits, decision.Verdict);
    }

    [Fact]
    public void LargerThanEveryAgentsTotalIsNeverWithTheAmounts()
    {
        var decision = PlacementCheck.Decide(Ask(mem: 4096), [Agent("cpus:4;mem:1024"), Agent("cpus:4;mem:512")]);
        Assert.Equal(PlacementVerdict.Never, decision.Verdict);
        Assert.Equal("asks mem 4096 MB, the largest agent has 1024 MB in total", decision.Reason);
    }

    [Fact]
    public void NoSingleAgentWithEverythingIsNever()
    {
        var decision = PlacementCheck.Decide(Ask(cpus: 4, mem: 4096), [Agent("cpus:4;mem:1024"), Agent("cpus:1;mem:8192")]);
        Assert.Equal(PlacementVerdict.Never, decision.Verdict);
        Assert.Contains("no single agent has all of that in total", decision.Reason);
    }

    [Fact]
    public void BusyResourcesWaitWithTheMostFree()
    {
        var agents = new[]
        {
            Agent("cpus:4;mem:4096", allocated: "cpus:3.5;mem:100"),
            Agent("cpus:4;mem:4096", allocated: "cpus:3;mem:100", offered: "cpus:1"),
            Agent("cpus:2;mem:4096", allocated: "cpus:2"),
        };
        var decision = PlacementCheck.Decide(Ask(cpus: 2), agents);
        Assert.Equal(PlacementVerdict.Waits, decision.Verdict);
        Assert.Equal("asks cpus 2, the most free on any agent is 0.5 (3 agents)", decision.Reason);
    }

    [Fact]
    public void PortsCountAsAKind()
    {
        var never = PlacementCheck.Decide(Ask(ports: 5), [Agent("cpus:4;mem:4096;ports:[31000-31002]")]);
        Assert.Equal(PlacementVerdict.Never, never.Verdict);
        Assert.Equal("asks ports 5, the largest agent has 3 in total", never.Reason);
        var waits = PlacementCheck.Decide(Ask(ports: 2), [Agent("cpus:4;mem:4096;ports:[31000-31002]", allocated: "ports:[31000-31001]")]);
        Assert.Equal(PlacementVerdict.Waits, waits.Verdict);
    }

    [Fact]
    public void ResourcesReservedToAnotherRoleDoNotCount()
    {
        var decision = PlacementCheck.Decide(Ask(cpus: 2), [Agent("cpus(web):4;cpus:1;mem:4096")]);
        Assert.Equal(PlacementVerdict.Never, decision.Verdict);
        Assert.Equal("asks cpus 2, the largest agent has 1 in total", decision.Reason);
        Assert.Equal(PlacementVerdict.Fits, PlacementCheck.Decide(Ask(cpus: 2, role: "web"), [Agent("cpus(web):4;cpus:1;mem:4096")]).Verdict);
    }

    [Fact]
    public void NoActiveAgentWaits()
    {
        var decision = PlacementCheck.Decide(Ask(), [Agent("cpus:4;mem:4096", active: false)]);
        Assert.Equal(PlacementVerdict.Waits, decision.Verdict);
        Assert.Equal("no active agent is registered", decision.Reason);
    }
}
