using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Scheduler;

namespace Tessera.Core.Tests.Protocol;

/// <summary>The JSON examples of reference/mesos.md §2, parsed, checked and written back.</summary>
public sealed class GoldenSchedulerJsonTests
{
    private const string Subscribe =
        """{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"root","name":"demo","roles":["*"],"checkpoint":true,"failover_timeout":604800,"capabilities":[{"type":"MULTI_ROLE"},{"type":"PARTITION_AWARE"}]}}}""";

    private const string Subscribed =
        """{"type":"SUBSCRIBED","subscribed":{"framework_id":{"value":"F-0000"},"heartbeat_interval_seconds":15.0}}""";

    // reference/mesos.md shows "offers":[…] directly; real Mesos nests Event.Offers, so the
    // array sits in "offers":{"offers":[…]}. The example is corrected here; the flat form is
    // rejected exactly as stout rejects it (see FlatOffersArrayIsRejectedLikeMesos).
    private const string Offers =
        """
        {"type":"OFFERS","offers":{"offers":[{"id":{"value":"O-1"},"framework_id":{"value":"F-0000"},
         "agent_id":{"value":"S-1"},"hostname":"agent1","allocation_info":{"role":"*"},
         "resources":[
          {"name":"cpus","type":"SCALAR","scalar":{"value":4.0},"role":"*","allocation_info":{"role":"*"}},
          {"name":"mem","type":"SCALAR","scalar":{"value":7680.0},"role":"*","allocation_info":{"role":"*"}},
          {"name":"ports","type":"RANGES","ranges":{"range":[{"begin":31000,"end":32000}]},
           "role":"*","allocation_info":{"role":"*"}}],
         "attributes":[{"name":"rack","type":"TEXT","text":{"value":"r1"}}]}]}}
        """;

    private const string Accept =
        """{"framework_id":{"value":"F-0000"},"type":"ACCEPT","accept":{"offer_ids":[{"value":"O-1"}],"operations":[{"type":"LAUNCH","launch":{"task_infos":[{"name":"sleep","task_id":{"value":"t1"},"agent_id":{"value":"S-1"},"resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":0.5},"allocation_info":{"role":"*"}},{"name":"mem","type":"SCALAR","scalar":{"value":128},"allocation_info":{"role":"*"}},{"name":"ports","type":"RANGES","ranges":{"range":[{"begin":31000,"end":31000}]},"allocation_info":{"role":"*"}}],"command":{"shell":true,"value":"sleep 30"}}]}}],"filters":{"refuse_seconds":5.0}}}""";

    private const string Update =
        """{"type":"UPDATE","update":{"status":{"task_id":{"value":"t1"},"state":"TASK_RUNNING","source":"SOURCE_EXECUTOR","agent_id":{"value":"S-1"},"executor_id":{"value":"t1"},"timestamp":1700000000.12,"uuid":"n7jZt2r0Q1mN3S0mS1xG8A=="}}}""";

    private const string Acknowledge =
        """{"framework_id":{"value":"F-0000"},"type":"ACKNOWLEDGE","acknowledge":{"agent_id":{"value":"S-1"},"task_id":{"value":"t1"},"uuid":"n7jZt2r0Q1mN3S0mS1xG8A=="}}""";

    [Fact]
    public void SubscribeCall()
    {
        var call = MesosJson.Deserialize<SchedulerCall>(Subscribe);

        Assert.Equal(SchedulerCallType.SUBSCRIBE, call.Type);
        Assert.Null(call.FrameworkId);
        var info = call.Subscribe!.FrameworkInfo;
        Assert.Equal("root", info.User);
        Assert.Equal("demo", info.Name);
        Assert.Equal(["*"], info.Roles!);
        Assert.True(info.Checkpoint);
        Assert.Equal(604800.0, info.FailoverTimeout);
        Assert.True(info.HasCapability(FrameworkCapabilityType.MULTI_ROLE));
        Assert.True(info.HasCapability(FrameworkCapabilityType.PARTITION_AWARE));
        Assert.False(info.HasCapability(FrameworkCapabilityType.GPU_RESOURCES));

        var json = MesosJson.Serialize(call);
        JsonAssert.StructurallyEqual(Subscribe, json);
        Assert.Contains("\"failover_timeout\":604800.0", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SubscribedEventIsByteExact()
    {
        var ev = MesosJson.Deserialize<SchedulerEvent>(Subscribed);

        Assert.Equal(SchedulerEventType.SUBSCRIBED, ev.Type);
        Assert.Equal("F-0000", ev.Subscribed!.FrameworkId.Value);
        Assert.Equal(15.0, ev.Subscribed.HeartbeatIntervalSeconds);
        Assert.Equal(Subscribed, MesosJson.Serialize(ev));
    }

    [Fact]
    public void OffersEvent()
    {
        var ev = MesosJson.Deserialize<SchedulerEvent>(Offers);

        Assert.Equal(SchedulerEventType.OFFERS, ev.Type);
        var offer = Assert.Single(ev.Offers!.Offers!);
        Assert.Equal("O-1", offer.Id.Value);
        Assert.Equal("F-0000", offer.FrameworkId.Value);
        Assert.Equal("S-1", offer.AgentId.Value);
        Assert.Equal("agent1", offer.Hostname);
        Assert.Equal("*", offer.AllocationInfo!.Role);
        Assert.Equal(3, offer.Resources!.Count);
        Assert.Equal(ValueKind.SCALAR, offer.Resources[0].Type);
        Assert.Equal(4.0, offer.Resources[0].Scalar!.Value);
        Assert.Equal(7680.0, offer.Resources[1].Scalar!.Value);
        Assert.Equal("*", offer.Resources[1].Role);
        var range = Assert.Single(offer.Resources[2].Ranges!.Range!);
        Assert.Equal(ValueRange.Of(31000, 32000), range);
        var attribute = Assert.Single(offer.Attributes!);
        Assert.Equal(ValueKind.TEXT, attribute.Type);
        Assert.Equal("r1", attribute.Text!.Value);

        var json = MesosJson.Serialize(ev);
        JsonAssert.StructurallyEqual(Offers, json);
        Assert.Contains("""{"name":"cpus","type":"SCALAR","scalar":{"value":4.0},"role":"*","allocation_info":{"role":"*"}}""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void FlatOffersArrayIsRejectedLikeMesos()
    {
        var ex = Assert.Throws<MesosJsonException>(
            () => MesosJson.Deserialize<SchedulerEvent>("""{"type":"OFFERS","offers":[]}"""));

        Assert.Equal("$.offers", ex.Path);
        Assert.Contains("expected an object", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptWithLaunch()
    {
        var call = MesosJson.Deserialize<SchedulerCall>(Accept);

        Assert.Equal(SchedulerCallType.ACCEPT, call.Type);
        Assert.Equal("F-0000", call.FrameworkId!.Value);
        Assert.Equal("O-1", Assert.Single(call.Accept!.OfferIds!).Value);
        Assert.Equal(5.0, call.Accept.Filters!.RefuseSeconds);
        var operation = Assert.Single(call.Accept.Operations!);
        Assert.Equal(OfferOperationType.LAUNCH, operation.Type);
        var task = Assert.Single(operation.Launch!.TaskInfos!);
        Assert.Equal("sleep", task.Name);
        Assert.Equal("t1", task.TaskId.Value);
        Assert.Equal("S-1", task.AgentId.Value);
        Assert.Equal(0.5, task.Resources![0].Scalar!.Value);
        Assert.Equal(128.0, task.Resources[1].Scalar!.Value);
        Assert.True(task.Command!.Shell);
        Assert.Equal("sleep 30", task.Command.Value);

        var json = MesosJson.Serialize(call);
        JsonAssert.StructurallyEqual(Accept, json);

        // Member order matches; the only textual difference is that integral doubles carry ".0".
        Assert.Equal(Accept.Replace("{\"value\":128}", "{\"value\":128.0}", StringComparison.Ordinal), json);
    }

    [Fact]
    public void UpdateEventIsByteExact()
    {
        var ev = MesosJson.Deserialize<SchedulerEvent>(Update);

        Assert.Equal(SchedulerEventType.UPDATE, ev.Type);
        var status = ev.Update!.Status;
        Assert.Equal("t1", status.TaskId.Value);
        Assert.Equal(TaskState.TASK_RUNNING, status.State);
        Assert.Equal(TaskStatusSource.SOURCE_EXECUTOR, status.Source);
        Assert.Equal("S-1", status.AgentId!.Value);
        Assert.Equal("t1", status.ExecutorId!.Value);
        Assert.Equal(1700000000.12, status.Timestamp);
        Assert.Equal(16, status.Uuid!.Length);
        Assert.Equal(ByteString.FromBase64("n7jZt2r0Q1mN3S0mS1xG8A=="), status.Uuid);
        Assert.Equal(Update, MesosJson.Serialize(ev));
    }

    [Fact]
    public void AcknowledgeCallIsByteExact()
    {
        var call = MesosJson.Deserialize<SchedulerCall>(Acknowledge);

        Assert.Equal(SchedulerCallType.ACKNOWLEDGE, call.Type);
        Assert.Equal("S-1", call.Acknowledge!.AgentId.Value);
        Assert.Equal("t1", call.Acknowledge.TaskId.Value);
        Assert.Equal("n7jZt2r0Q1mN3S0mS1xG8A==", call.Acknowledge.Uuid.ToBase64());
        Assert.Equal(Acknowledge, MesosJson.Serialize(call));
    }

    [Fact]
    public void AcknowledgeUuidFromUpdateMatches()
    {
        var status = MesosJson.Deserialize<SchedulerEvent>(Update).Update!.Status;
        var ack = MesosJson.Deserialize<SchedulerCall>(Acknowledge).Acknowledge!;

        Assert.Equal(status.Uuid, ack.Uuid);
        Assert.Equal(status.Uuid!.GetHashCode(), ack.Uuid.GetHashCode());
    }
}
