using Tessera.Core.Allocation;
using Tessera.Core.Resources;

namespace Tessera.Master.Tests.Operator;

/// <summary><see cref="AllocatorState.ConvertAvailable"/>: operator reservations on what no framework holds.</summary>
public sealed class ConvertAvailableTests
{
    private static AllocatorState WithAgent()
    {
        var state = new AllocatorState(AllocatorOptions.Default);
        state.AddAgent("a1", "h1", ResourceSet.Parse("cpus:4;mem:1024"));
        return state;
    }

    [Fact]
    public void Available_resources_are_converted_in_total_and_available()
    {
        var state = WithAgent();
        var from = ResourceSet.Parse("cpus:1");
        var to = ResourceSet.Of(from.Select(r => r.PushReservation(Reservation.Dynamic("ops"))));
        state.ConvertAvailable("a1", from, to);

        var agent = state.Agents["a1"];
        Assert.Equal(1, agent.Total.ReservedTo("ops").Cpus);
        Assert.Equal(3, agent.Total.Unreserved().Cpus);
        Assert.Equal(agent.Total, agent.Available);
        Assert.True(agent.Allocated.IsEmpty);
    }

    [Fact]
    public void Converting_more_than_is_available_throws_and_changes_nothing()
    {
        var state = WithAgent();
        var before = state.Agents["a1"];
        var from = ResourceSet.Parse("cpus:5");
        var to = ResourceSet.Of(from.Select(r => r.PushReservation(Reservation.Dynamic("ops"))));
        Assert.Throws<ResourceInvariantException>(() => state.ConvertAvailable("a1", from, to));
        Assert.Same(before, state.Agents["a1"]);
    }

    [Fact]
    public void Conversion_must_keep_amounts()
    {
        var state = WithAgent();
        Assert.Throws<ResourceInvariantException>(() => state.ConvertAvailable("a1", ResourceSet.Parse("cpus:1"), ResourceSet.Parse("cpus(ops):2")));
    }
}
