using System.Text.Json.Serialization;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol.Executor;
using Tessera.Core.Protocol.Operator;
using Tessera.Core.Protocol.Scheduler;

namespace Tessera.Core.Protocol.Json;

/// <summary>
/// Source-generated metadata for every Mesos wire type. Use it through <see cref="MesosJson"/>,
/// which adds the ASCII-only output rule.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    RespectNullableAnnotations = true,
    PropertyNameCaseInsensitive = false,
    WriteIndented = false,
    Converters = [typeof(MesosDoubleConverter)])]
[JsonSerializable(typeof(SchedulerCall))]
[JsonSerializable(typeof(SchedulerEvent))]
[JsonSerializable(typeof(ExecutorCall))]
[JsonSerializable(typeof(ExecutorEvent))]
[JsonSerializable(typeof(OperatorCall))]
[JsonSerializable(typeof(OperatorResponse))]
[JsonSerializable(typeof(OperatorEvent))]
[JsonSerializable(typeof(AgentCall))]
[JsonSerializable(typeof(AgentResponse))]
[JsonSerializable(typeof(ProcessIO))]
[JsonSerializable(typeof(FrameworkInfo))]
[JsonSerializable(typeof(MasterInfo))]
[JsonSerializable(typeof(AgentInfo))]
[JsonSerializable(typeof(ExecutorInfo))]
[JsonSerializable(typeof(TaskInfo))]
[JsonSerializable(typeof(TaskGroupInfo))]
[JsonSerializable(typeof(MesosTaskStatus))]
[JsonSerializable(typeof(MesosTask))]
[JsonSerializable(typeof(Offer))]
[JsonSerializable(typeof(InverseOffer))]
[JsonSerializable(typeof(OfferOperation))]
[JsonSerializable(typeof(OperationStatus))]
[JsonSerializable(typeof(Resource))]
[JsonSerializable(typeof(IReadOnlyList<Resource>))]
[JsonSerializable(typeof(ContainerID))]
[JsonSerializable(typeof(MaintenanceSchedule))]
[JsonSerializable(typeof(QuotaConfig))]
[JsonSerializable(typeof(WeightInfo))]
[JsonSerializable(typeof(AgentRegistration))]
[JsonSerializable(typeof(AgentRegistered))]
[JsonSerializable(typeof(AgentCommand))]
[JsonSerializable(typeof(AgentPong))]
[JsonSerializable(typeof(AgentStatusUpdate))]
[JsonSerializable(typeof(AgentTaskCheckpoint))]
[JsonSerializable(typeof(AgentContainerCheckpoint))]
[JsonSerializable(typeof(AgentExecutorCheckpoint))]
[JsonSerializable(typeof(AgentStatusUpdates))]
[JsonSerializable(typeof(AgentStatusReceipts))]
[JsonSerializable(typeof(AgentExecutorExited))]
[JsonSerializable(typeof(AgentExecutorMessage))]
[JsonSerializable(typeof(AgentStreamRequest))]
internal sealed partial class MesosJsonContext : JsonSerializerContext;
