using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Executor;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;
using Tessera.Core.Protocol.Scheduler;

namespace Tessera.Core.Tests.Protocol;

public sealed class MesosJsonRulesTests
{
    [Fact]
    public void ExplicitNullIsTreatedAsAbsent()
    {
        var call = MesosJson.Deserialize<SchedulerCall>(
            """{"type":"SUBSCRIBE","framework_id":null,"accept":null,"subscribe":{"framework_info":{"user":"u","name":"n","roles":null,"id":null,"checkpoint":null}}}""");

        Assert.Null(call.FrameworkId);
        Assert.Null(call.Accept);
        Assert.Null(call.Subscribe!.FrameworkInfo.Roles);
        Assert.Null(call.Subscribe.FrameworkInfo.Checkpoint);
        Assert.Equal("""{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"u","name":"n"}}}""", MesosJson.Serialize(call));
    }

    [Fact]
    public void UnknownFieldsAreIgnored()
    {
        var ev = MesosJson.Deserialize<SchedulerEvent>(
            """{"type":"HEARTBEAT","future_field":{"a":[1,2,{"b":null}]},"subscribed_v2":"x"}""");

        Assert.Equal(SchedulerEventType.HEARTBEAT, ev.Type);
        Assert.Equal("""{"type":"HEARTBEAT"}""", MesosJson.Serialize(ev));
    }

    [Fact]
    public void PropertyNamesAreCaseSensitive()
    {
        var ev = MesosJson.Deserialize<SchedulerEvent>("""{"TYPE":"HEARTBEAT"}""");

        Assert.Null(ev.Type);
    }

    [Fact]
    public void IntegersAreAcceptedAsNumericStrings()
    {
        var range = MesosJson.Deserialize<Resource>(
            """{"name":"ports","type":"RANGES","ranges":{"range":[{"begin":"31000","end":"18446744073709551615"}]}}""").Ranges!.Range![0];
        var drain = MesosJson.Deserialize<OperatorCall>(
            """{"type":"DRAIN_AGENT","drain_agent":{"agent_id":{"value":"a"},"max_grace_period":{"nanoseconds":"-5"}}}""").DrainAgent!;
        var check = MesosJson.Deserialize<TaskInfo>(
            """{"name":"n","task_id":{"value":"t"},"agent_id":{"value":"a"},"health_check":{"http":{"port":"8080"},"consecutive_failures":"3"}}""").HealthCheck!;

        Assert.Equal(31000UL, range.Begin);
        Assert.Equal(ulong.MaxValue, range.End);
        Assert.Equal(-5L, drain.MaxGracePeriod!.Nanoseconds);
        Assert.Equal(8080U, check.Http!.Port);
        Assert.Equal(3U, check.ConsecutiveFailures);
    }

    [Fact]
    public void SixtyFourBitIntegersAreWrittenAsNumbers()
    {
        var time = new TimeInfo { Nanoseconds = 1_700_000_000_123_456_789 };

        Assert.Equal("""{"nanoseconds":1700000000123456789}""", MesosJson.Serialize(new MesosTask
        {
            Name = "n", TaskId = TaskID.Of("t"), FrameworkId = FrameworkID.Of("f"), AgentId = AgentID.Of("a"),
            State = TaskState.TASK_RUNNING, Statuses = [new MesosTaskStatus { TaskId = TaskID.Of("t"), State = TaskState.TASK_RUNNING, UnreachableTime = time }],
        }).Split("\"unreachable_time\":")[1].TrimEnd('}', ']') + "}");
    }

    [Theory]
    [InlineData("\"Infinity\"", double.PositiveInfinity)]
    [InlineData("\"-Infinity\"", double.NegativeInfinity)]
    [InlineData("\"2.5\"", 2.5)]
    [InlineData("1e3", 1000.0)]
    public void DoublesAcceptStringsAndInfinity(string json, double expected)
    {
        var filters = MesosJson.Deserialize<Filters>($$"""{"refuse_seconds":{{json}}}""");

        Assert.Equal(expected, filters.RefuseSeconds);
    }

    [Fact]
    public void DoubleNaNIsAccepted()
    {
        Assert.True(double.IsNaN(MesosJson.Deserialize<Filters>("""{"refuse_seconds":"NaN"}""").RefuseSeconds!.Value));
    }

    [Theory]
    [InlineData(4.0, "4.0")]
    [InlineData(0.5, "0.5")]
    [InlineData(7680.0, "7680.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(-3.0, "-3.0")]
    [InlineData(1700000000.12, "1700000000.12")]
    [InlineData(1e21, "1E+21")]
    public void DoublesAreWrittenShortestWithPointZero(double value, string expected)
    {
        Assert.Equal($$"""{"refuse_seconds":{{expected}}}""", MesosJson.Serialize(new Filters { RefuseSeconds = value }));
    }

    [Fact]
    public void OutputIsAsciiWithNonAsciiEscaped()
    {
        var json = MesosJson.Serialize(new Label { Key = "k", Value = "café ☃ 😀" });

        Assert.Equal("""{"key":"k","value":"caf\u00E9 \u2603 \uD83D\uDE00"}""", json);
        Assert.All(json, c => Assert.True(c < 128));
        Assert.Equal("café ☃ 😀", MesosJson.Deserialize<Label>(json).Value);
    }

    [Fact]
    public void HtmlSensitiveCharactersAreNotEscaped()
    {
        var json = MesosJson.Serialize(new Label { Key = "k", Value = "<a href='x'>&+`/</a>" });

        Assert.Equal("""{"key":"k","value":"<a href='x'>&+`/</a>"}""", json);
    }

    [Fact]
    public void JsonRequiredCharactersAreEscaped()
    {
        var json = MesosJson.Serialize(new Label { Key = "k", Value = "q\"b\\n\nt\tc\u0001" });

        Assert.Equal("""{"key":"k","value":"q\"b\\n\nt\tc\u0001"}""", json);
        Assert.Equal("q\"b\\n\nt\tc\u0001", MesosJson.Deserialize<Label>(json).Value);
    }

    [Fact]
    public void EnumsAreWrittenByProtoName()
    {
        var status = new MesosTaskStatus
        {
            TaskId = TaskID.Of("t"),
            State = TaskState.TASK_GONE_BY_OPERATOR,
            Source = TaskStatusSource.SOURCE_MASTER,
            Reason = TaskStatusReason.REASON_AGENT_REMOVED_BY_OPERATOR,
        };

        Assert.Equal(
            """{"task_id":{"value":"t"},"state":"TASK_GONE_BY_OPERATOR","source":"SOURCE_MASTER","reason":"REASON_AGENT_REMOVED_BY_OPERATOR"}""",
            MesosJson.Serialize(status));
        Assert.Equal("""{"protocol":"IPv6","port":80}""", MesosJson.Serialize(new TcpCheckInfo { Protocol = NetworkProtocol.IPv6, Port = 80 }));
    }

    [Fact]
    public void EveryEnumMemberRoundTripsByName()
    {
        foreach (var state in Enum.GetValues<TaskState>())
        {
            var json = MesosJson.Serialize(new MesosTaskStatus { TaskId = TaskID.Of("t"), State = state });
            Assert.Contains($"\"state\":\"{state}\"", json, StringComparison.Ordinal);
            Assert.Equal(state, MesosJson.Deserialize<MesosTaskStatus>(json).State);
        }

        foreach (var reason in Enum.GetValues<TaskStatusReason>())
        {
            var json = MesosJson.Serialize(new MesosTaskStatus { TaskId = TaskID.Of("t"), State = TaskState.TASK_LOST, Reason = reason });
            Assert.Equal(reason, MesosJson.Deserialize<MesosTaskStatus>(json).Reason);
        }
    }

    [Fact]
    public void UnknownCallAndEventTypesReadAsUnknown()
    {
        Assert.Equal(SchedulerCallType.UNKNOWN, MesosJson.Deserialize<SchedulerCall>("""{"type":"TELEPORT"}""").Type);
        Assert.Equal(SchedulerEventType.UNKNOWN, MesosJson.Deserialize<SchedulerEvent>("""{"type":"NEW_EVENT"}""").Type);
        Assert.Equal(ExecutorCallType.UNKNOWN, MesosJson.Deserialize<ExecutorCall>(
            """{"type":"X","executor_id":{"value":"e"},"framework_id":{"value":"f"}}""").Type);
        Assert.Equal(OperatorCallType.UNKNOWN, MesosJson.Deserialize<OperatorCall>("""{"type":"GET_EVERYTHING"}""").Type);
        Assert.Equal(FrameworkCapabilityType.UNKNOWN, MesosJson.Deserialize<FrameworkCapability>("""{"type":"FUTURE_CAPABILITY"}""").Type);
    }

    [Fact]
    public void UnknownEnumWithoutUnknownMemberNamesTheField()
    {
        var ex = Assert.Throws<MesosJsonException>(() => MesosJson.Deserialize<SchedulerEvent>(
            """{"type":"UPDATE","update":{"status":{"task_id":{"value":"t"},"state":"TASK_EXPLODED"}}}"""));

        Assert.Equal("$.update.status.state", ex.Path);
        Assert.Contains("'TASK_EXPLODED' is not a known TaskState value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BytesAreBase64()
    {
        var call = new SchedulerCall
        {
            Type = SchedulerCallType.MESSAGE,
            Message = new MessageCall { AgentId = AgentID.Of("a"), ExecutorId = ExecutorID.Of("e"), Data = ByteString.CopyFrom([0xFB, 0xFF, 0x00, 0x41]) },
        };

        var json = MesosJson.Serialize(call);

        Assert.Equal("""{"type":"MESSAGE","message":{"agent_id":{"value":"a"},"executor_id":{"value":"e"},"data":"+/8AQQ=="}}""", json);
        Assert.Equal(call.Message.Data, MesosJson.Deserialize<SchedulerCall>(json).Message!.Data);
    }

    [Fact]
    public void InvalidBase64NamesTheField()
    {
        var ex = Assert.Throws<MesosJsonException>(() => MesosJson.Deserialize<ExecutorEvent>(
            """{"type":"MESSAGE","message":{"data":"not base64!"}}"""));

        Assert.Equal("$.message.data", ex.Path);
        Assert.Contains("base64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongTypeNamesTheFieldAndRule()
    {
        var ex = Assert.Throws<MesosJsonException>(() => MesosJson.Deserialize<SchedulerCall>(
            """{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"u","name":"n","checkpoint":"yes"}}}"""));

        Assert.Equal("$.subscribe.framework_info.checkpoint", ex.Path);
        Assert.Equal("Invalid JSON at '$.subscribe.framework_info.checkpoint': expected true or false", ex.Message);
    }

    [Fact]
    public void MissingRequiredFieldIsNamed()
    {
        var ex = Assert.Throws<MesosJsonException>(() => MesosJson.Deserialize<SchedulerCall>(
            """{"type":"SUBSCRIBE","subscribe":{"framework_info":{"name":"n"}}}"""));

        Assert.Contains("missing required field", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'user'", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("$.subscribe", ex.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void NullForRequiredFieldIsRejected()
    {
        var ex = Assert.Throws<MesosJsonException>(() => MesosJson.Deserialize<SchedulerCall>(
            """{"type":"KILL","kill":{"task_id":{"value":null}}}"""));

        Assert.Contains("kill.task_id", ex.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":")]
    [InlineData("{\"type\":\"SUBSCRIBE\",}")]
    [InlineData("[1,2]")]
    [InlineData("nope")]
    [InlineData("")]
    public void MalformedJsonThrowsMesosJsonException(string json)
    {
        var ex = Assert.Throws<MesosJsonException>(() => MesosJson.Deserialize<SchedulerCall>(json));

        Assert.StartsWith("Invalid JSON at '$", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullDocumentIsRejected()
    {
        Assert.Throws<MesosJsonException>(() => MesosJson.Deserialize<SchedulerCall>("null"));
    }

    [Fact]
    public void EmptyListsAreEmittedOnlyWhenSet()
    {
        Assert.Equal("""{"type":"REVIVE","revive":{"roles":[]}}""", MesosJson.Serialize(new SchedulerCall
        {
            Type = SchedulerCallType.REVIVE,
            Revive = new ReviveCall { Roles = [] },
        }));
        Assert.Equal("""{"type":"REVIVE","revive":{}}""", MesosJson.Serialize(new SchedulerCall
        {
            Type = SchedulerCallType.REVIVE,
            Revive = new ReviveCall(),
        }));
    }

    [Fact]
    public void SnakeCaseNamesMatchTheProto()
    {
        var json = MesosJson.Serialize(new SchedulerEvent
        {
            Type = SchedulerEventType.SUBSCRIBED,
            Subscribed = new SubscribedEvent
            {
                FrameworkId = FrameworkID.Of("f"),
                HeartbeatIntervalSeconds = 15,
                MasterInfo = new MasterInfo { Id = "m", Ip = 16777343, Port = 5050, Address = new Address { Ip = "127.0.0.1", Port = 5050 } },
            },
        });

        Assert.Equal(
            """{"type":"SUBSCRIBED","subscribed":{"framework_id":{"value":"f"},"heartbeat_interval_seconds":15.0,"master_info":{"id":"m","ip":16777343,"port":5050,"address":{"ip":"127.0.0.1","port":5050}}}}""",
            json);

        var info = MesosJson.Serialize(new FrameworkInfo { User = "u", Name = "n", WebuiUrl = "http://x", FailoverTimeout = 1, Labels = new Labels { Values = [new Label { Key = "a" }] } });
        Assert.Equal("""{"user":"u","name":"n","failover_timeout":1.0,"webui_url":"http://x","labels":{"labels":[{"key":"a"}]}}""", info);

        var offer = MesosJson.Serialize(new Offer { Id = OfferID.Of("o"), FrameworkId = FrameworkID.Of("f"), AgentId = AgentID.Of("a"), Hostname = "h", ExecutorIds = [ExecutorID.Of("e")] });
        Assert.Contains("\"executor_ids\":[{\"value\":\"e\"}]", offer, StringComparison.Ordinal);

        var ip = MesosJson.Serialize(new IpAddress { Protocol = NetworkProtocol.IPv4, IpAddressValue = "10.0.0.1" });
        Assert.Equal("""{"protocol":"IPv4","ip_address":"10.0.0.1"}""", ip);
    }

    [Fact]
    public void QuotaMapsAreJsonObjects()
    {
        const string json = """{"type":"UPDATE_QUOTA","update_quota":{"force":true,"quota_configs":[{"role":"dev","guarantees":{"cpus":{"value":1}},"limits":{"cpus":{"value":"2.5"},"mem":{"value":1024}}}]}}""";

        var call = MesosJson.Deserialize<OperatorCall>(json);

        var config = Assert.Single(call.UpdateQuota!.QuotaConfigs!);
        Assert.Equal(2.5, config.Limits!["cpus"].Value);
        Assert.Equal(1024.0, config.Limits["mem"].Value);
        Assert.Equal(1.0, config.Guarantees!["cpus"].Value);
        Assert.Equal(
            """{"type":"UPDATE_QUOTA","update_quota":{"force":true,"quota_configs":[{"role":"dev","guarantees":{"cpus":{"value":1.0}},"limits":{"cpus":{"value":2.5},"mem":{"value":1024.0}}}]}}""",
            MesosJson.Serialize(call));
    }

    [Fact]
    public void EmptyMarkerMessagesAreEmptyObjects()
    {
        var json = MesosJson.Serialize(new Resource
        {
            Name = "cpus", Type = ValueKind.SCALAR, Scalar = ValueScalar.Of(1), Revocable = new RevocableInfo(), Shared = new SharedInfo(),
        });

        Assert.Equal("""{"name":"cpus","type":"SCALAR","scalar":{"value":1.0},"revocable":{},"shared":{}}""", json);
        Assert.NotNull(MesosJson.Deserialize<Resource>(json).Revocable);
    }

    [Fact]
    public void RawJsonFieldsArePreserved()
    {
        const string json = """{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"u","name":"n"},"offer_constraints":{"role_constraints":{"*":{"groups":[{"attribute_constraints":[{"selector":{"attribute_name":"rack"},"predicate":{"exists":{}}}]}]}}}}}""";

        var call = MesosJson.Deserialize<SchedulerCall>(json);

        Assert.Equal(json, MesosJson.Serialize(call));
    }
}
