using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Executor;
using Tessera.Core.Protocol.Operator;
using Tessera.Core.Protocol.Scheduler;

namespace Tessera.Core.Tests.Protocol;

/// <summary>Populated instances of the wire types, for round-trip tests.</summary>
internal static class Samples
{
    public static readonly ByteString Uuid = ByteString.FromBase64("n7jZt2r0Q1mN3S0mS1xG8A==");
    public static readonly Labels Labels = new() { Values = [new Label { Key = "team", Value = "ünïcode" }, new Label { Key = "flag" }] };

    public static Resource Cpus(double amount) => new()
    {
        Name = "cpus", Type = ValueKind.SCALAR, Scalar = ValueScalar.Of(amount), Role = "*", AllocationInfo = AllocationInfo.Of("*"),
    };

    public static Resource Ports => new()
    {
        Name = "ports", Type = ValueKind.RANGES, Ranges = new ValueRanges { Range = [ValueRange.Of(31000, 31005), ValueRange.Of(31010, 32000)] },
    };

    public static Resource Volume => new()
    {
        ProviderId = ResourceProviderID.Of("rp"),
        Name = "disk",
        Type = ValueKind.SCALAR,
        Scalar = ValueScalar.Of(1024),
        AllocationInfo = AllocationInfo.Of("prod"),
        Reservations =
        [
            new ReservationInfo { Type = ReservationType.STATIC, Role = "prod" },
            new ReservationInfo { Type = ReservationType.DYNAMIC, Role = "prod/db", Principal = "ops", Labels = Labels },
        ],
        Disk = new DiskInfo
        {
            Persistence = new DiskPersistence { Id = "vol-1", Principal = "ops" },
            Volume = new Volume { ContainerPath = "data", HostPath = "/srv/data", Mode = VolumeMode.RW },
            Source = new DiskSource { Type = DiskSourceType.MOUNT, Mount = new DiskSourceRoot { Root = "/mnt/disk1" }, Profile = "fast" },
        },
        Shared = new SharedInfo(),
    };

    public static Resource Gpus => new()
    {
        Name = "gpus", Type = ValueKind.SET, Set = new ValueSet { Item = ["gpu0", "gpu1"] }, Revocable = new RevocableInfo(),
    };

    public static FrameworkInfo Framework => new()
    {
        User = "root",
        Name = "demo",
        Id = FrameworkID.Of("F-1"),
        FailoverTimeout = 604800,
        Checkpoint = true,
        Role = "*",
        Roles = ["prod", "dev"],
        Hostname = "sched1",
        Principal = "demo",
        WebuiUrl = "http://sched1:8080/",
        Capabilities = [FrameworkCapability.Of(FrameworkCapabilityType.MULTI_ROLE), FrameworkCapability.Of(FrameworkCapabilityType.PARTITION_AWARE)],
        Labels = Labels,
        OfferFilters = new Dictionary<string, OfferFilters>
        {
            ["prod"] = new()
            {
                MinAllocatableResources = new MinAllocatableResources
                {
                    Quantities = [new ResourceQuantities { Quantities = new Dictionary<string, ValueScalar> { ["cpus"] = ValueScalar.Of(0.5), ["mem"] = ValueScalar.Of(64) } }],
                },
            },
        },
    };

    public static MasterInfo Master => new()
    {
        Id = "master-1", Ip = 16777343, Port = 5050, Pid = "master@127.0.0.1:5050", Hostname = "m1", Version = "1.11.0",
        Address = new Address { Hostname = "m1", Ip = "127.0.0.1", Port = 5050 },
        Domain = new DomainInfo { FaultDomain = new FaultDomain { Region = new NamedDomain { Name = "eu" }, Zone = new NamedDomain { Name = "eu-1a" } } },
        Capabilities = [MasterCapability.Of(MasterCapabilityType.AGENT_DRAINING)],
    };

    public static AgentInfo Agent => new()
    {
        Hostname = "agent1", Port = 5051, Id = AgentID.Of("S-1"), Resources = [Cpus(4), Ports],
        Attributes =
        [
            new AgentAttribute { Name = "rack", Type = ValueKind.TEXT, Text = new ValueText { Value = "r1" } },
            new AgentAttribute { Name = "weight", Type = ValueKind.SCALAR, Scalar = ValueScalar.Of(2.5) },
        ],
    };

    public static CommandInfo Command => new()
    {
        Uris = [new CommandUri { Value = "https://example.com/app.tgz", Executable = false, Extract = true, Cache = true, OutputFile = "app.tgz" }],
        Environment = new CommandEnvironment { Variables = [new EnvironmentVariable { Name = "MODE", Type = EnvironmentVariableType.VALUE, Value = "prod" }] },
        Shell = false,
        Value = "/bin/app",
        Arguments = ["app", "--port", "8080"],
        User = "nobody",
    };

    public static ContainerInfo Container => new()
    {
        Type = ContainerType.MESOS,
        Hostname = "c1",
        Volumes = [new Volume { ContainerPath = "/tmp", Mode = VolumeMode.RO, HostPath = "/tmp" }],
        Mesos = new MesosInfo { Image = new Image { Type = ImageType.DOCKER, Docker = new DockerImage { Name = "library/busybox:latest" }, Cached = true } },
        NetworkInfos =
        [
            new NetworkInfo
            {
                Name = "cni0", Groups = ["g"], Labels = Labels,
                IpAddresses = [new IpAddress { Protocol = NetworkProtocol.IPv4, IpAddressValue = "10.0.0.2" }],
                PortMappings = [new PortMapping { HostPort = 31000, ContainerPort = 80, Protocol = "tcp" }],
            },
        ],
        Docker = new DockerInfo
        {
            Image = "busybox", Network = DockerNetwork.BRIDGE, Privileged = false, ForcePullImage = true,
            PortMappings = [new DockerPortMapping { HostPort = 31001, ContainerPort = 8080 }],
            Parameters = [new Parameter { Key = "ulimit", Value = "nofile=1024" }],
        },
    };

    public static TaskInfo Task => new()
    {
        Name = "web",
        TaskId = TaskID.Of("web-1"),
        AgentId = AgentID.Of("S-1"),
        Resources = [Cpus(0.5), Ports],
        Command = Command,
        Container = Container,
        HealthCheck = new HealthCheck
        {
            DelaySeconds = 15, IntervalSeconds = 10, TimeoutSeconds = 20, ConsecutiveFailures = 3, GracePeriodSeconds = 10,
            Type = CheckType.HTTP, Http = new HttpCheckInfo { Protocol = NetworkProtocol.IPv4, Scheme = "http", Port = 8080, Path = "/health", Statuses = [200, 204] },
        },
        Check = new CheckInfo { Type = CheckType.TCP, Tcp = new TcpCheckInfo { Port = 8080 }, DelaySeconds = 1, IntervalSeconds = 2, TimeoutSeconds = 3 },
        KillPolicy = new KillPolicy { GracePeriod = DurationInfo.From(TimeSpan.FromSeconds(3)) },
        Data = ByteString.FromUtf8("opaque"),
        Labels = Labels,
        Discovery = new DiscoveryInfo
        {
            Visibility = DiscoveryVisibility.CLUSTER, Name = "web", Environment = "prod", Location = "eu", Version = "1",
            Ports = new DiscoveryPorts { Ports = [new DiscoveryPort { Number = 8080, Name = "http", Protocol = "tcp", Visibility = DiscoveryVisibility.EXTERNAL }] },
        },
        MaxCompletionTime = new DurationInfo { Nanoseconds = 3_600_000_000_000 },
        Limits = new Dictionary<string, ValueScalar> { ["cpus"] = ValueScalar.Of(2) },
    };

    public static ExecutorInfo Executor => new()
    {
        Type = ExecutorType.DEFAULT,
        ExecutorId = ExecutorID.Of("E-1"),
        FrameworkId = FrameworkID.Of("F-1"),
        Resources = [Cpus(0.1)],
        Container = new ContainerInfo { Type = ContainerType.MESOS },
        Name = "default",
        Data = ByteString.CopyFrom([1, 2, 3]),
        ShutdownGracePeriod = new DurationInfo { Nanoseconds = 5_000_000_000 },
        Labels = Labels,
    };

    public static MesosTaskStatus Status => new()
    {
        TaskId = TaskID.Of("web-1"),
        State = TaskState.TASK_RUNNING,
        Message = "running",
        Source = TaskStatusSource.SOURCE_EXECUTOR,
        Reason = TaskStatusReason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED,
        Data = ByteString.FromUtf8("d"),
        AgentId = AgentID.Of("S-1"),
        ExecutorId = ExecutorID.Of("E-1"),
        Timestamp = 1700000000.25,
        Uuid = Uuid,
        Healthy = true,
        CheckStatus = new CheckStatusInfo { Type = CheckType.TCP, Tcp = new CheckStatusTcp { Succeeded = true } },
        Labels = Labels,
        ContainerStatus = new ContainerStatus { ContainerId = new ContainerID { Value = "child", Parent = ContainerID.Of("parent") }, ExecutorPid = 4242 },
        UnreachableTime = new TimeInfo { Nanoseconds = 1_700_000_000_000_000_000 },
        Limitation = new TaskResourceLimitation { Resources = [Cpus(1)] },
    };

    public static Offer Offer => new()
    {
        Id = OfferID.Of("O-1"),
        FrameworkId = FrameworkID.Of("F-1"),
        AgentId = AgentID.Of("S-1"),
        Hostname = "agent1",
        Url = new URL { Scheme = "http", Address = new Address { Hostname = "agent1", Ip = "10.0.0.1", Port = 5051 }, Path = "/slave(1)", Query = [new Parameter { Key = "a", Value = "b" }], Fragment = "f" },
        Resources = [Cpus(4), Ports, Volume, Gpus],
        Attributes = Agent.Attributes,
        ExecutorIds = [ExecutorID.Of("E-1")],
        AllocationInfo = AllocationInfo.Of("prod"),
        Unavailability = Unavailability,
    };

    public static Unavailability Unavailability => new()
    {
        Start = new TimeInfo { Nanoseconds = 1_800_000_000_000_000_000 }, Duration = new DurationInfo { Nanoseconds = 3_600_000_000_000 },
    };

    public static InverseOffer InverseOffer => new()
    {
        Id = OfferID.Of("IO-1"), FrameworkId = FrameworkID.Of("F-1"), AgentId = AgentID.Of("S-1"), Unavailability = Unavailability, Resources = [Cpus(1)],
    };

    public static IEnumerable<OfferOperation> Operations =>
    [
        new() { Type = OfferOperationType.LAUNCH, Id = OperationID.Of("op-1"), Launch = new LaunchOperation { TaskInfos = [Task] } },
        new() { Type = OfferOperationType.LAUNCH_GROUP, LaunchGroup = new LaunchGroupOperation { Executor = Executor, TaskGroup = new TaskGroupInfo { Tasks = [Task with { Command = null }] } } },
        new() { Type = OfferOperationType.RESERVE, Reserve = new ReserveOperation { Source = [Cpus(1)], Resources = [Volume] } },
        new() { Type = OfferOperationType.UNRESERVE, Unreserve = new UnreserveOperation { Resources = [Volume] } },
        new() { Type = OfferOperationType.CREATE, Create = new CreateOperation { Volumes = [Volume] } },
        new() { Type = OfferOperationType.DESTROY, Destroy = new DestroyOperation { Volumes = [Volume] } },
        new() { Type = OfferOperationType.GROW_VOLUME, GrowVolume = new GrowVolumeOperation { Volume = Volume, Addition = Cpus(1) with { Name = "disk" } } },
        new() { Type = OfferOperationType.SHRINK_VOLUME, ShrinkVolume = new ShrinkVolumeOperation { Volume = Volume, Subtract = ValueScalar.Of(512) } },
        new() { Type = OfferOperationType.CREATE_DISK, CreateDisk = new CreateDiskOperation { Source = Volume, TargetType = DiskSourceType.BLOCK, TargetProfile = "fast" } },
        new() { Type = OfferOperationType.DESTROY_DISK, DestroyDisk = new DestroyDiskOperation { Source = Volume } },
    ];

    public static IEnumerable<SchedulerCall> SchedulerCalls
    {
        get
        {
            var f = FrameworkID.Of("F-1");
            var filters = new Filters { RefuseSeconds = 31536000 };
            return
            [
                new() { Type = SchedulerCallType.SUBSCRIBE, Subscribe = new SubscribeCall { FrameworkInfo = Framework, SuppressedRoles = ["dev"] } },
                new() { FrameworkId = f, Type = SchedulerCallType.TEARDOWN },
                new() { FrameworkId = f, Type = SchedulerCallType.ACCEPT, Accept = new AcceptCall { OfferIds = [OfferID.Of("O-1")], Operations = [.. Operations], Filters = filters } },
                new() { FrameworkId = f, Type = SchedulerCallType.DECLINE, Decline = new DeclineCall { OfferIds = [OfferID.Of("O-1"), OfferID.Of("O-2")], Filters = filters } },
                new() { FrameworkId = f, Type = SchedulerCallType.ACCEPT_INVERSE_OFFERS, AcceptInverseOffers = new AcceptInverseOffersCall { InverseOfferIds = [OfferID.Of("IO-1")], Filters = filters } },
                new() { FrameworkId = f, Type = SchedulerCallType.DECLINE_INVERSE_OFFERS, DeclineInverseOffers = new DeclineInverseOffersCall { InverseOfferIds = [OfferID.Of("IO-1")] } },
                new() { FrameworkId = f, Type = SchedulerCallType.REVIVE, Revive = new ReviveCall { Roles = ["prod"] } },
                new() { FrameworkId = f, Type = SchedulerCallType.KILL, Kill = new KillCall { TaskId = TaskID.Of("t"), AgentId = AgentID.Of("S-1"), KillPolicy = new KillPolicy { GracePeriod = new DurationInfo { Nanoseconds = 1 } } } },
                new() { FrameworkId = f, Type = SchedulerCallType.SHUTDOWN, Shutdown = new ShutdownCall { ExecutorId = ExecutorID.Of("E-1"), AgentId = AgentID.Of("S-1") } },
                new() { FrameworkId = f, Type = SchedulerCallType.ACKNOWLEDGE, Acknowledge = new AcknowledgeCall { AgentId = AgentID.Of("S-1"), TaskId = TaskID.Of("t"), Uuid = Uuid } },
                new() { FrameworkId = f, Type = SchedulerCallType.ACKNOWLEDGE_OPERATION_STATUS, AcknowledgeOperationStatus = new AcknowledgeOperationStatusCall { AgentId = AgentID.Of("S-1"), ResourceProviderId = ResourceProviderID.Of("rp"), Uuid = Uuid, OperationId = OperationID.Of("op-1") } },
                new() { FrameworkId = f, Type = SchedulerCallType.RECONCILE, Reconcile = new ReconcileCall { Tasks = [new ReconcileTask { TaskId = TaskID.Of("t"), AgentId = AgentID.Of("S-1") }] } },
                new() { FrameworkId = f, Type = SchedulerCallType.RECONCILE, Reconcile = new ReconcileCall { Tasks = [] } },
                new() { FrameworkId = f, Type = SchedulerCallType.RECONCILE_OPERATIONS, ReconcileOperations = new ReconcileOperationsCall { Operations = [new ReconcileOperation { OperationId = OperationID.Of("op-1"), AgentId = AgentID.Of("S-1") }] } },
                new() { FrameworkId = f, Type = SchedulerCallType.MESSAGE, Message = new MessageCall { AgentId = AgentID.Of("S-1"), ExecutorId = ExecutorID.Of("E-1"), Data = ByteString.FromUtf8("hi") } },
                new() { FrameworkId = f, Type = SchedulerCallType.REQUEST, Request = new RequestCall { Requests = [new Request { AgentId = AgentID.Of("S-1"), Resources = [Cpus(1)] }] } },
                new() { FrameworkId = f, Type = SchedulerCallType.SUPPRESS, Suppress = new SuppressCall { Roles = ["dev"] } },
                new() { FrameworkId = f, Type = SchedulerCallType.UPDATE_FRAMEWORK, UpdateFramework = new UpdateFrameworkCall { FrameworkInfo = Framework, SuppressedRoles = [] } },
            ];
        }
    }

    public static IEnumerable<SchedulerEvent> SchedulerEvents =>
    [
        new() { Type = SchedulerEventType.SUBSCRIBED, Subscribed = new SubscribedEvent { FrameworkId = FrameworkID.Of("F-1"), HeartbeatIntervalSeconds = 15, MasterInfo = Master } },
        new() { Type = SchedulerEventType.OFFERS, Offers = new OffersEvent { Offers = [Offer] } },
        new() { Type = SchedulerEventType.INVERSE_OFFERS, InverseOffers = new InverseOffersEvent { InverseOffers = [InverseOffer] } },
        new() { Type = SchedulerEventType.RESCIND, Rescind = new RescindEvent { OfferId = OfferID.Of("O-1") } },
        new() { Type = SchedulerEventType.RESCIND_INVERSE_OFFER, RescindInverseOffer = new RescindInverseOfferEvent { InverseOfferId = OfferID.Of("IO-1") } },
        new() { Type = SchedulerEventType.UPDATE, Update = new UpdateEvent { Status = Status } },
        new()
        {
            Type = SchedulerEventType.UPDATE_OPERATION_STATUS,
            UpdateOperationStatus = new UpdateOperationStatusEvent
            {
                Status = new OperationStatus
                {
                    OperationId = OperationID.Of("op-1"), State = OperationState.OPERATION_FINISHED, Message = "ok", ConvertedResources = [Volume],
                    Uuid = new UUID { Value = Uuid }, AgentId = AgentID.Of("S-1"), ResourceProviderId = ResourceProviderID.Of("rp"),
                },
            },
        },
        new() { Type = SchedulerEventType.MESSAGE, Message = new MessageEvent { AgentId = AgentID.Of("S-1"), ExecutorId = ExecutorID.Of("E-1"), Data = ByteString.FromUtf8("yo") } },
        new() { Type = SchedulerEventType.FAILURE, Failure = new FailureEvent { AgentId = AgentID.Of("S-1"), ExecutorId = ExecutorID.Of("E-1"), Status = 137 } },
        new() { Type = SchedulerEventType.ERROR, Error = new ErrorEvent { Message = "framework removed" } },
        new() { Type = SchedulerEventType.HEARTBEAT },
    ];

    public static IEnumerable<ExecutorCall> ExecutorCalls
    {
        get
        {
            ExecutorCall Call(ExecutorCallType type) => new() { ExecutorId = ExecutorID.Of("E-1"), FrameworkId = FrameworkID.Of("F-1"), Type = type };
            return
            [
                Call(ExecutorCallType.SUBSCRIBE) with { Subscribe = new ExecutorSubscribeCall { UnacknowledgedTasks = [Task], UnacknowledgedUpdates = [new ExecutorUpdateCall { Status = Status }] } },
                Call(ExecutorCallType.UPDATE) with { Update = new ExecutorUpdateCall { Status = Status } },
                Call(ExecutorCallType.MESSAGE) with { Message = new ExecutorMessageCall { Data = ByteString.FromUtf8("m") } },
                Call(ExecutorCallType.HEARTBEAT),
            ];
        }
    }

    public static IEnumerable<ExecutorEvent> ExecutorEvents =>
    [
        new() { Type = ExecutorEventType.SUBSCRIBED, Subscribed = new ExecutorSubscribedEvent { ExecutorInfo = Executor, FrameworkInfo = Framework, AgentInfo = Agent, ContainerId = ContainerID.Of("c") } },
        new() { Type = ExecutorEventType.LAUNCH, Launch = new ExecutorLaunchEvent { Task = Task } },
        new() { Type = ExecutorEventType.LAUNCH_GROUP, LaunchGroup = new ExecutorLaunchGroupEvent { TaskGroup = new TaskGroupInfo { Tasks = [Task] } } },
        new() { Type = ExecutorEventType.KILL, Kill = new ExecutorKillEvent { TaskId = TaskID.Of("t"), KillPolicy = new KillPolicy() } },
        new() { Type = ExecutorEventType.ACKNOWLEDGED, Acknowledged = new ExecutorAcknowledgedEvent { TaskId = TaskID.Of("t"), Uuid = Uuid } },
        new() { Type = ExecutorEventType.MESSAGE, Message = new ExecutorMessageEvent { Data = ByteString.Empty } },
        new() { Type = ExecutorEventType.ERROR, Error = new ExecutorErrorEvent { Message = "boom" } },
        new() { Type = ExecutorEventType.SHUTDOWN },
        new() { Type = ExecutorEventType.HEARTBEAT },
    ];

    public static MesosTask MesosTask => new()
    {
        Name = "web", TaskId = TaskID.Of("web-1"), FrameworkId = FrameworkID.Of("F-1"), ExecutorId = ExecutorID.Of("E-1"), AgentId = AgentID.Of("S-1"),
        State = TaskState.TASK_RUNNING, Resources = [Cpus(0.5)], Statuses = [Status], StatusUpdateState = TaskState.TASK_RUNNING, StatusUpdateUuid = Uuid,
        Labels = Labels, Discovery = Task.Discovery, Container = Container, HealthCheck = Task.HealthCheck, Check = Task.Check, KillPolicy = Task.KillPolicy, User = "nobody",
    };

    public static AgentEntry AgentEntry => new()
    {
        AgentInfo = Agent, Active = true, Deactivated = false, Version = "1.11.0", Pid = "slave(1)@10.0.0.1:5051",
        RegisteredTime = new TimeInfo { Nanoseconds = 1 }, ReregisteredTime = new TimeInfo { Nanoseconds = 2 },
        TotalResources = [Cpus(4)], AllocatedResources = [Cpus(1)], OfferedResources = [Cpus(2)],
        Capabilities = [AgentCapability.Of(AgentCapabilityType.MULTI_ROLE)],
        DrainInfo = new DrainInfo { State = DrainState.DRAINING, Config = new DrainConfig { MaxGracePeriod = new DurationInfo { Nanoseconds = 10 }, MarkGone = true } },
    };

    public static FrameworkEntry FrameworkEntry => new()
    {
        FrameworkInfo = Framework, Active = true, Connected = true, Recovered = false,
        RegisteredTime = new TimeInfo { Nanoseconds = 1 }, Offers = [Offer], InverseOffers = [InverseOffer], AllocatedResources = [Cpus(1)], OfferedResources = [Cpus(4)],
    };

    public static GetStateResponse State => new()
    {
        GetTasks = new GetTasksResponse { Tasks = [MesosTask], CompletedTasks = [MesosTask with { State = TaskState.TASK_FINISHED }], PendingTasks = [], UnreachableTasks = [] },
        GetExecutors = new GetExecutorsResponse { Executors = [new ExecutorEntry { ExecutorInfo = Executor, AgentId = AgentID.Of("S-1") }] },
        GetFrameworks = new GetFrameworksResponse { Frameworks = [FrameworkEntry], CompletedFrameworks = [] },
        GetAgents = new GetAgentsResponse { Agents = [AgentEntry], RecoveredAgents = [Agent] },
    };

    public static MaintenanceSchedule Schedule => new()
    {
        Windows = [new MaintenanceWindow { MachineIds = [new MachineID { Hostname = "agent1", Ip = "10.0.0.1" }], Unavailability = Unavailability }],
    };

    public static QuotaConfig Quota => new()
    {
        Role = "prod",
        Guarantees = new Dictionary<string, ValueScalar> { ["cpus"] = ValueScalar.Of(1) },
        Limits = new Dictionary<string, ValueScalar> { ["cpus"] = ValueScalar.Of(8), ["mem"] = ValueScalar.Of(4096) },
    };

    public static IEnumerable<OperatorCall> OperatorCalls
    {
        get
        {
            var agent = AgentID.Of("S-1");
            return
            [
                new() { Type = OperatorCallType.GET_HEALTH },
                new() { Type = OperatorCallType.GET_METRICS, GetMetrics = new GetMetricsCall { Timeout = new DurationInfo { Nanoseconds = 5_000_000_000 } } },
                new() { Type = OperatorCallType.UPDATE_WEIGHTS, UpdateWeights = new UpdateWeightsCall { WeightInfos = [new WeightInfo { Role = "prod", Weight = 2.5 }] } },
                new() { Type = OperatorCallType.UPDATE_QUOTA, UpdateQuota = new UpdateQuotaCall { Force = true, QuotaConfigs = [Quota] } },
                new() { Type = OperatorCallType.TEARDOWN, Teardown = new TeardownCall { FrameworkId = FrameworkID.Of("F-1") } },
                new() { Type = OperatorCallType.MARK_AGENT_GONE, MarkAgentGone = new MarkAgentGoneCall { AgentId = agent } },
                new() { Type = OperatorCallType.DRAIN_AGENT, DrainAgent = new DrainAgentCall { AgentId = agent, MaxGracePeriod = new DurationInfo { Nanoseconds = 1 }, MarkGone = false } },
                new() { Type = OperatorCallType.DEACTIVATE_AGENT, DeactivateAgent = new DeactivateAgentCall { AgentId = agent } },
                new() { Type = OperatorCallType.REACTIVATE_AGENT, ReactivateAgent = new ReactivateAgentCall { AgentId = agent } },
                new() { Type = OperatorCallType.UPDATE_MAINTENANCE_SCHEDULE, UpdateMaintenanceSchedule = new UpdateMaintenanceScheduleCall { Schedule = Schedule } },
                new() { Type = OperatorCallType.START_MAINTENANCE, StartMaintenance = new StartMaintenanceCall { Machines = [new MachineID { Hostname = "agent1" }] } },
                new() { Type = OperatorCallType.STOP_MAINTENANCE, StopMaintenance = new StopMaintenanceCall { Machines = [new MachineID { Ip = "10.0.0.1" }] } },
                new() { Type = OperatorCallType.RESERVE_RESOURCES, ReserveResources = new ReserveResourcesCall { AgentId = agent, Source = [Cpus(1)], Resources = [Volume] } },
                new() { Type = OperatorCallType.UNRESERVE_RESOURCES, UnreserveResources = new UnreserveResourcesCall { AgentId = agent, Resources = [Volume] } },
                new() { Type = OperatorCallType.CREATE_VOLUMES, CreateVolumes = new CreateVolumesCall { AgentId = agent, Volumes = [Volume] } },
                new() { Type = OperatorCallType.DESTROY_VOLUMES, DestroyVolumes = new DestroyVolumesCall { AgentId = agent, Volumes = [Volume] } },
                new() { Type = OperatorCallType.GROW_VOLUME, GrowVolume = new GrowVolumeCall { AgentId = agent, Volume = Volume, Addition = Volume } },
                new() { Type = OperatorCallType.SHRINK_VOLUME, ShrinkVolume = new ShrinkVolumeCall { AgentId = agent, Volume = Volume, Subtract = ValueScalar.Of(1) } },
            ];
        }
    }

    public static IEnumerable<OperatorResponse> OperatorResponses =>
    [
        new() { Type = OperatorCallType.GET_HEALTH, GetHealth = new GetHealthResponse { Healthy = true } },
        new() { Type = OperatorCallType.GET_FLAGS, GetFlags = new GetFlagsResponse { Flags = [new Flag { Name = "port", Value = "5050" }] } },
        new()
        {
            Type = OperatorCallType.GET_VERSION,
            GetVersion = new GetVersionResponse { VersionInfo = new VersionInfo { Version = "1.11.0", BuildDate = "2024-08-01", BuildTime = 1722470400, BuildUser = "ci", GitSha = "abc", GitBranch = "main", GitTag = "v1" } },
        },
        new() { Type = OperatorCallType.GET_METRICS, GetMetrics = new GetMetricsResponse { Metrics = [new Metric { Name = "master/elected", Value = 1 }] } },
        new() { Type = OperatorCallType.GET_STATE, GetState = State },
        new() { Type = OperatorCallType.GET_AGENTS, GetAgents = State.GetAgents },
        new() { Type = OperatorCallType.GET_FRAMEWORKS, GetFrameworks = State.GetFrameworks },
        new() { Type = OperatorCallType.GET_EXECUTORS, GetExecutors = State.GetExecutors },
        new() { Type = OperatorCallType.GET_TASKS, GetTasks = State.GetTasks },
        new()
        {
            Type = OperatorCallType.GET_ROLES,
            GetRoles = new GetRolesResponse
            {
                Roles =
                [
                    new Role
                    {
                        Name = "prod", Weight = 1, Frameworks = [FrameworkID.Of("F-1")], Resources = [Cpus(1)],
                        Quota = new RoleQuota { Role = "prod", Limit = Quota.Limits, Guarantee = Quota.Guarantees, Consumed = new Dictionary<string, ValueScalar> { ["cpus"] = ValueScalar.Of(1) } },
                        Allocated = new Dictionary<string, ValueScalar> { ["cpus"] = ValueScalar.Of(1) },
                    },
                ],
            },
        },
        new() { Type = OperatorCallType.GET_WEIGHTS, GetWeights = new GetWeightsResponse { WeightInfos = [new WeightInfo { Role = "prod", Weight = 2 }] } },
        new() { Type = OperatorCallType.GET_MASTER, GetMaster = new GetMasterResponse { MasterInfo = Master, StartTime = 1700000000.5, ElectedTime = 1700000001.5 } },
        new()
        {
            Type = OperatorCallType.GET_MAINTENANCE_STATUS,
            GetMaintenanceStatus = new GetMaintenanceStatusResponse
            {
                Status = new MaintenanceStatus
                {
                    DrainingMachines =
                    [
                        new DrainingMachine
                        {
                            Id = new MachineID { Hostname = "agent1" },
                            Statuses = [new InverseOfferStatus { Status = InverseOfferStatusKind.ACCEPT, FrameworkId = FrameworkID.Of("F-1"), Timestamp = new TimeInfo { Nanoseconds = 5 } }],
                        },
                    ],
                    DownMachines = [new MachineID { Hostname = "agent2" }],
                },
            },
        },
        new() { Type = OperatorCallType.GET_MAINTENANCE_SCHEDULE, GetMaintenanceSchedule = new GetMaintenanceScheduleResponse { Schedule = Schedule } },
        new()
        {
            Type = OperatorCallType.GET_QUOTA,
            GetQuota = new GetQuotaResponse { Status = new QuotaStatus { Configs = [Quota], Infos = [new QuotaInfo { Role = "prod", Principal = "ops", Guarantee = [Cpus(1)] }] } },
        },
    ];

    public static IEnumerable<OperatorEvent> OperatorEvents =>
    [
        new() { Type = OperatorEventType.SUBSCRIBED, Subscribed = new OperatorSubscribedEvent { GetState = State, HeartbeatIntervalSeconds = 15 } },
        new() { Type = OperatorEventType.TASK_ADDED, TaskAdded = new TaskAddedEvent { Task = MesosTask } },
        new() { Type = OperatorEventType.TASK_UPDATED, TaskUpdated = new TaskUpdatedEvent { FrameworkId = FrameworkID.Of("F-1"), Status = Status, State = TaskState.TASK_RUNNING } },
        new() { Type = OperatorEventType.AGENT_ADDED, AgentAdded = new AgentAddedEvent { Agent = AgentEntry } },
        new() { Type = OperatorEventType.AGENT_REMOVED, AgentRemoved = new AgentRemovedEvent { AgentId = AgentID.Of("S-1") } },
        new() { Type = OperatorEventType.FRAMEWORK_ADDED, FrameworkAdded = new FrameworkAddedEvent { Framework = FrameworkEntry } },
        new() { Type = OperatorEventType.FRAMEWORK_UPDATED, FrameworkUpdated = new FrameworkUpdatedEvent { Framework = FrameworkEntry } },
        new() { Type = OperatorEventType.FRAMEWORK_REMOVED, FrameworkRemoved = new FrameworkRemovedEvent { FrameworkInfo = Framework } },
        new() { Type = OperatorEventType.HEARTBEAT },
    ];
}
