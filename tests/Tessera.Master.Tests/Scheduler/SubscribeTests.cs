using System.Net;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Tests.Harness;

namespace Tessera.Master.Tests.Scheduler;

public sealed class SubscribeTests
{
    [Fact]
    public async Task SubscribeAnswers200WithStreamIdAndSubscribedFirst()
    {
        await using var master = await TestMaster.StartAsync();
        await using var scheduler = new TestScheduler(master.Address);
        var subscribed = await scheduler.SubscribeAsync(TestScheduler.Info());
        Assert.Equal(HttpStatusCode.OK, scheduler.SubscribeResponse!.StatusCode);
        Assert.Equal("application/json", scheduler.SubscribeResponse.Content.Headers.ContentType!.MediaType);
        Assert.True(scheduler.SubscribeResponse.Headers.TransferEncodingChunked);
        Assert.False(string.IsNullOrEmpty(scheduler.StreamId));
        Assert.StartsWith(master.Server.MasterId + "-", subscribed.Subscribed!.FrameworkId.Value);
        Assert.Equal(0.3, subscribed.Subscribed.HeartbeatIntervalSeconds);
        Assert.Equal(master.Address.Port, (int)subscribed.Subscribed.MasterInfo!.Port);
    }

    [Fact]
    public async Task HeartbeatsArriveEachAsItsOwnChunk()
    {
        await using var master = await TestMaster.StartAsync();
        await using var scheduler = new TestScheduler(master.Address);
        await scheduler.SubscribeAsync(TestScheduler.Info());
        await scheduler.NextAsync(SchedulerEventType.HEARTBEAT);
        await scheduler.NextAsync(SchedulerEventType.HEARTBEAT);
        Assert.True(scheduler.Stream.Reads >= 3);
        Assert.Equal(scheduler.Stream.Reads, scheduler.Stream.AlignedReads);
    }

    [Fact]
    public async Task SubscribeMustNotCarryAStreamId()
    {
        await using var master = await TestMaster.StartAsync();
        await using var scheduler = new TestScheduler(master.Address);
        var response = await scheduler.PostRawAsync("""{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"u","name":"n"}}}""", streamId: "x");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Mesos-Stream-Id", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"u"}}}""", "name")]
    [InlineData("""{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"u","name":"n","checkpoint":"yes"}}}""", "checkpoint")]
    [InlineData("""{"subscribe":{"framework_info":{"user":"u","name":"n"}}}""", "'type' is required")]
    [InlineData("""{"type":"SUBSCRIBE"}""", "'subscribe' is required")]
    [InlineData("""{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"u","name":"n","roles":["a"]}}}""", "MULTI_ROLE")]
    [InlineData("""{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"u","name":"n","role":"a b"}}}""", "ASCII letters")]
    [InlineData("""{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"u","name":"n","failover_timeout":-1}}}""", "failover_timeout")]
    [InlineData("""not json""", "body: not valid JSON")]
    public async Task MalformedSubscribeIs400NamingTheField(string body, string expected)
    {
        await using var master = await TestMaster.StartAsync();
        await using var scheduler = new TestScheduler(master.Address);
        var response = await scheduler.PostRawAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ProtobufIs415AndNonJsonAcceptIs406()
    {
        await using var master = await TestMaster.StartAsync();
        await using var scheduler = new TestScheduler(master.Address);
        var body = """{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"u","name":"n"}}}""";
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await scheduler.PostRawAsync(body, "application/x-protobuf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotAcceptable, (await scheduler.PostRawAsync(body, accept: "application/x-protobuf")).StatusCode);
        // No Accept header at all means JSON; header names are case-insensitive.
        var ok = await scheduler.PostRawAsync(body, accept: null);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.True(ok.Headers.Contains("mesos-stream-id"));
        ok.Dispose();
    }

    [Fact]
    public async Task CallsNeedTheCurrentStreamId()
    {
        await using var master = await TestMaster.StartAsync();
        await using var scheduler = new TestScheduler(master.Address);
        await scheduler.SubscribeAsync(TestScheduler.Info());
        var revive = Calls.Simple(SchedulerCallType.REVIVE);
        Assert.Equal(HttpStatusCode.Forbidden, (await scheduler.CallAsync(revive, withStream: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await scheduler.CallAsync(revive, streamId: "not-the-stream")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await scheduler.CallAsync(revive with { FrameworkId = FrameworkID.Of("nobody") })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await scheduler.CallAsync(revive)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await scheduler.CallAsync(Calls.Simple(SchedulerCallType.REQUEST) with { Request = new RequestCall() })).StatusCode);
    }

    [Fact]
    public async Task UpdateFrameworkIsSynchronousAndGuardsImmutableFields()
    {
        await using var master = await TestMaster.StartAsync();
        await using var scheduler = new TestScheduler(master.Address);
        var info = TestScheduler.Info();
        await scheduler.SubscribeAsync(info);
        var id = FrameworkID.Of(scheduler.FrameworkId!);
        var ok = await scheduler.CallAsync(new SchedulerCall { Type = SchedulerCallType.UPDATE_FRAMEWORK, UpdateFramework = new UpdateFrameworkCall { FrameworkInfo = info with { Id = id, Name = "renamed" } } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var bad = await scheduler.CallAsync(new SchedulerCall { Type = SchedulerCallType.UPDATE_FRAMEWORK, UpdateFramework = new UpdateFrameworkCall { FrameworkInfo = info with { Id = id, User = "mallory" } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("user", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NonLeaderRedirectsOrIsUnavailable()
    {
        await using (var follower = await TestMaster.StartAsync(leadership: new FixedLeadership(new Uri("http://10.9.8.7:5050"))))
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = follower.Address };
            var response = await client.PostAsync("/api/v1/scheduler", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
            Assert.Equal("http://10.9.8.7:5050/api/v1/scheduler", response.Headers.Location!.ToString());
        }
        await using (var orphan = await TestMaster.StartAsync(leadership: new FixedLeadership(null)))
        {
            var response = await orphan.Http.PostAsync("/api/v1/scheduler", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }
    }

    private sealed class FixedLeadership(Uri? leader) : Http.ILeadership
    {
        public bool IsLeader => false;
        public Uri? Leader => leader;
    }
}
