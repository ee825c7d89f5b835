using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Executor;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;
using Tessera.Core.Protocol.Scheduler;

namespace Tessera.Core.Tests.Protocol;

/// <summary>A populated instance of every root type → JSON → instance → the same JSON.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public void SchedulerCalls() => AssertAll(Samples.SchedulerCalls, c => c.Type);

    [Fact]
    public void SchedulerEvents() => AssertAll(Samples.SchedulerEvents, e => e.Type);

    [Fact]
    public void ExecutorCalls() => AssertAll(Samples.ExecutorCalls, c => c.Type);

    [Fact]
    public void ExecutorEvents() => AssertAll(Samples.ExecutorEvents, e => e.Type);

    [Fact]
    public void OperatorCalls() => AssertAll(Samples.OperatorCalls, c => c.Type);

    [Fact]
    public void OperatorResponses() => AssertAll(Samples.OperatorResponses, r => r.Type);

    [Fact]
    public void OperatorEvents() => AssertAll(Samples.OperatorEvents, e => e.Type);

    [Fact]
    public void StandaloneMessages()
    {
        RoundTrip(Samples.Framework);
        RoundTrip(Samples.Master);
        RoundTrip(Samples.Agent);
        RoundTrip(Samples.Executor);
        RoundTrip(Samples.Task);
        RoundTrip(Samples.Status);
        RoundTrip(Samples.MesosTask);
        RoundTrip(Samples.Offer);
        RoundTrip(Samples.InverseOffer);
        RoundTrip(Samples.Volume);
        RoundTrip<IReadOnlyList<Resource>>([Samples.Cpus(1), Samples.Ports, Samples.Gpus]);
        RoundTrip(Samples.Schedule);
        RoundTrip(Samples.Quota);
        RoundTrip(new ContainerID { Value = "c", Parent = ContainerID.Of("p") });
    }

    [Fact]
    public void EveryCallAndEventTypeHasASample()
    {
        Assert.Equal(
            Enum.GetValues<SchedulerEventType>().Where(t => t != SchedulerEventType.UNKNOWN).Order(),
            Samples.SchedulerEvents.Select(e => e.Type!.Value).Distinct().Order());
        Assert.Equal(
            Enum.GetValues<ExecutorEventType>().Where(t => t != ExecutorEventType.UNKNOWN).Order(),
            Samples.ExecutorEvents.Select(e => e.Type!.Value).Distinct().Order());
        Assert.Equal(
            Enum.GetValues<OperatorEventType>().Where(t => t != OperatorEventType.UNKNOWN).Order(),
            Samples.OperatorEvents.Select(e => e.Type!.Value).Distinct().Order());
        Assert.Equal(
            Enum.GetValues<SchedulerCallType>().Where(t => t != SchedulerCallType.UNKNOWN).Order(),
            Samples.SchedulerCalls.Select(e => e.Type!.Value).Distinct().Order());
        Assert.Equal(
            Enum.GetValues<OfferOperationType>().Where(t => t != OfferOperationType.UNKNOWN).Order(),
            Samples.Operations.Select(e => e.Type!.Value).Order());
    }

    [Fact]
    public void SampleJsonIsAsciiAndCompact()
    {
        var json = MesosJson.Serialize(Samples.OperatorEvents.First());

        Assert.All(json, c => Assert.True(c is >= ' ' and < (char)127, $"char {(int)c}"));
        Assert.DoesNotContain(": ", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.Contains("\\u00FC", json, StringComparison.Ordinal);
    }

    private static void AssertAll<T, TType>(IEnumerable<T> samples, Func<T, TType> type)
    {
        foreach (var sample in samples)
        {
            RoundTrip(sample, $"{typeof(T).Name} {type(sample)}");
        }
    }

    private static void RoundTrip<T>(T value, string? label = null)
    {
        var json = MesosJson.Serialize(value);
        var back = MesosJson.Deserialize<T>(json);
        var again = MesosJson.Serialize(back);

        Assert.True(json == again, $"{label ?? typeof(T).Name}\nfirst:  {json}\nsecond: {again}");
        Assert.Equal(json, System.Text.Encoding.ASCII.GetString(MesosJson.SerializeToUtf8Bytes(back)));
        Assert.Equal(again, MesosJson.Serialize(MesosJson.Deserialize<T>(System.Text.Encoding.UTF8.GetBytes(json))));
    }
}
