using Tessera.Jobs.Config;

namespace Tessera.Jobs.Tests.Config;

public sealed class SchemaTests
{
    private const long MB = 1024 * 1024;

    private static Task<JobConfig> Everything(string name, string env = "prod") =>
        ConfigFiles.LoadOkAsync(ConfigFiles.Sample("everything.aurora"), $"devcluster/www-data/{env}/{name}");

    [Fact]
    public async Task ProcessesLoggerTaskAndResources()
    {
        var job = await Everything("everything");
        var task = job.Task;
        Assert.Equal("setup", task.Name); // {{processes[0].name}}
        Assert.Equal(["setup", "server", "cleanup"], task.Processes.Select(p => p.Name));
        Assert.Equal("echo setup hello-1.2", task.Processes[0].Cmdline);
        Assert.Equal(new LoggerConfig("both", "rotate", new RotatePolicyConfig(10 * MB, 2)), task.Processes[0].Logger);
        Assert.Equal("serve --port {{thermos.ports[http]}} --shard {{mesos.instance}} --role www-data", task.Processes[1].Cmdline);
        Assert.Equal(new ProcessConfig("server", task.Processes[1].Cmdline, MaxFailures: 0, Daemon: true, MinDuration: 10, Logger: LoggerConfig.Default), task.Processes[1]);
        Assert.Equal(new ProcessConfig("cleanup", "echo bye", Final: true, Logger: LoggerConfig.Default), task.Processes[2]);
        Assert.Equal([["setup", "server"], ["setup", "cleanup"]], task.Constraints.Select(c => c.Order.ToArray()));
        Assert.Equal(new ResourcesConfig(0.5, 64 * MB, 1024 * MB, 1), task.Resources);
        Assert.Equal((2, 3, 40), (task.MaxFailures, task.MaxConcurrency, task.FinalizationWait));
    }

    [Fact]
    public async Task JobFieldsAndPolicies()
    {
        var job = await Everything("everything");
        Assert.Equal(new JobKey("devcluster", "www-data", "prod", "everything"), job.Key);
        Assert.True(job.Service);
        Assert.Equal((2, "me@example.com", "preferred", 5, -1), (job.Instances, job.Contact, job.Tier, job.Priority, job.MaxTaskFailures));
        Assert.Equal(new AnnouncerConfig("http", new ValueMap([new("aurora", "http")])), job.Announce);
        Assert.Equal(new UpdateStrategyConfig(UpdateStrategyKind.VariableBatch, 1, new ValueList<int>([1, 2])), job.UpdateConfig!.UpdateStrategy);
        Assert.Equal(10, job.UpdateConfig.WatchSecs);
        Assert.Equal("limit:1", job.Constraints!["host"]);
        Assert.Equal([new MetadataConfig("team", "web")], job.Metadata!);
        Assert.Equal(new HealthCheckConfig(HttpHealthCheckerConfig.Default, new ShellHealthCheckerConfig("true"), 5, 10, 1, 2, 2), job.HealthCheck);
        Assert.Equal(new LifecycleConfig(new HttpLifecycleConfig(GracefulShutdownWaitSecs: 2)), job.Lifecycle);
        Assert.Equal(new PartitionPolicyConfig(true, 30), job.PartitionPolicy);
        Assert.Equal(new PercentageSlaPolicyConfig(66.5, 600), job.SlaPolicy);
        Assert.Equal(new MesosContainerConfig(new ImageConfig(false, "busybox", "latest"), new([new VolumeConfig("/data", "/srv/data", "RW")])), job.Container);
        Assert.Equal(ExecutorSettings.Default, job.Executor);
    }

    [Fact]
    public async Task SimpleTaskCronDockerAndDefaults()
    {
        var job = await Everything("cron", "devel");
        Assert.Equal("tick", job.Task.Name);
        Assert.Equal([new ProcessConfig("tick", "date", Logger: LoggerConfig.Default)], job.Task.Processes);
        Assert.Equal(new ResourcesConfig(1, 1024 * MB, 1024 * MB), job.Task.Resources);
        Assert.Equal(("*/5 * * * *", "CANCEL_NEW"), (job.CronSchedule, job.CronCollisionPolicy));
        Assert.Equal(new DockerContainerConfig("alpine:3", new([new ParameterConfig("env", "A=1")])), job.Container);
        Assert.Equal(new CountSlaPolicyConfig(1, 60), job.SlaPolicy);
        // Aurora's defaults.
        Assert.False(job.Service);
        Assert.Equal((1, 1, 0, false, false), (job.Instances, job.MaxTaskFailures, job.Priority, job.Production, job.EnableHooks));
        Assert.Equal(UpdateConfig.Default, job.UpdateConfig);
        Assert.Equal(new UpdateStrategyConfig(UpdateStrategyKind.Queue, 1), job.UpdateConfig!.EffectiveStrategy);
        Assert.Equal(HealthCheckConfig.Default, job.HealthCheck);
        Assert.Equal(new HealthCheckConfig(new HttpHealthCheckerConfig("/health", "ok", 0), null, 15, 10, 1, 0, 1), job.HealthCheck);
        Assert.Equal(LifecycleConfig.Default, job.Lifecycle);
        Assert.Equal(new HttpLifecycleConfig("health", "/quitquitquit", "/abortabortabort", 5, 5), job.Lifecycle!.Http);
        Assert.Equal(new UpdateConfig(1, 45, 0, 0, true, false, null, false, null), job.UpdateConfig);
        Assert.Equal((1, 0, 30), (job.Task.MaxFailures, job.Task.MaxConcurrency, job.Task.FinalizationWait));
        Assert.Equal(new ProcessConfig("tick", "date", 1, false, false, 5, false, new LoggerConfig("file", "standard", new RotatePolicyConfig(100 * MB, 5))), job.Task.Processes[0]);
        Assert.Null(job.Announce);
        Assert.Null(job.PartitionPolicy);
    }

    [Fact]
    public async Task CombineSumsResourcesAndKeepsTheLastTasksName()
    {
        var job = await Everything("combined", "test");
        Assert.Equal("other", job.Task.Name);
        Assert.Equal(["common", "other"], job.Task.Processes.Select(p => p.Name));
        Assert.Equal(new ResourcesConfig(2, 1152 * MB, 1280 * MB), job.Task.Resources);
        Assert.Equal(30, job.Task.FinalizationWait);
        Assert.Equal("echo common", job.Task.Processes[0].Cmdline); // {{name}}: the nearest name, the process's
        Assert.Equal(new UpdateStrategyConfig(UpdateStrategyKind.Batch, 2, null, true), job.UpdateConfig!.UpdateStrategy);
        Assert.Equal(new MesosContainerConfig(new ImageConfig(true, "app", "sha512-1"), ValueList<VolumeConfig>.Empty), job.Container);
        Assert.Equal(new CoordinatorSlaPolicyConfig("http://coord", "drain"), job.SlaPolicy);
    }

    [Fact]
    public async Task ConcatOrdersTasksTakesMaxResourcesAndSumsWaits()
    {
        var job = await Everything("concat", "staging2");
        Assert.Equal("seq", job.Task.Name);
        Assert.Equal(["common", "a", "b"], job.Task.Processes.Select(p => p.Name));
        Assert.Contains(job.Task.Constraints, c => c.Order.SequenceEqual(["a", "b"]));
        Assert.Contains(job.Task.Constraints, c => c.Order.SequenceEqual(["common", "a"]));
        Assert.Contains(job.Task.Constraints, c => c.Order.SequenceEqual(["common", "b"]));
        Assert.Equal(new ResourcesConfig(2, 2048 * MB, 3072 * MB), job.Task.Resources);
        Assert.Equal(40, job.Task.FinalizationWait);
        Assert.Equal(new UpdateStrategyConfig(UpdateStrategyKind.Queue, 3), job.UpdateConfig!.UpdateStrategy);
        Assert.Equal(new HttpHealthCheckerConfig("/ready", "", 200), job.HealthCheck!.Http);
    }

    [Fact]
    public async Task TheExampleLoads()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "examples", "jobs", "hello_world.aurora");
        var job = await ConfigFiles.LoadOkAsync(path);
        Assert.Equal("devcluster/www-data/devel/hello_world", job.Key.ToString());
        Assert.Equal(3, job.Instances);
        Assert.Equal(["install", "serve"], job.Task.Processes.Select(p => p.Name));
        Assert.Equal([["install", "serve"]], job.Task.Constraints.Select(c => c.Order.ToArray()));
        Assert.Equal("echo \"hello world from instance {{mesos.instance}}\" > index.html", job.Task.Processes[0].Cmdline);
        Assert.Contains("{{thermos.ports[http]}}", job.Task.Processes[1].Cmdline, StringComparison.Ordinal);
        Assert.Equal("http", job.Announce!.Portmap["health"]);
    }

    [Fact]
    public async Task SimplifiedFormRunsAsIs()
    {
        var job = await ConfigFiles.LoadOkAsync(ConfigFiles.Sample("simplified.aurora"), "devcluster/billingteam/prod/billing_service");
        Assert.Equal(new JobKey("devcluster", "billingteam", "prod", "billing_service"), job.Key);
        Assert.True(job.Service);
        Assert.Equal(8, job.Instances);
        Assert.Equal("billing_server", job.Task.Name);
        Assert.Equal([new ProcessConfig("billing_server_process", "/usr/local/bin/start-billing-service", MaxFailures: 3, Logger: LoggerConfig.Default)], job.Task.Processes);
        Assert.Equal(new ResourcesConfig(0.25, 2048 * MB, 512 * MB), job.Task.Resources);
        Assert.Equal(new HealthCheckConfig(new HttpHealthCheckerConfig("/health", "ok", 0, "http://localhost:8080/health"), null, 15, 10, 5), job.HealthCheck);
    }

    [Fact]
    public async Task SimplifiedFormWithoutAKeyNeedsACluster()
    {
        var result = await ConfigFiles.LoadAsync(ConfigFiles.Sample("simplified.aurora"));
        var error = Assert.Single(result.Errors);
        Assert.Equal(("cluster", "required"), (error.Field, error.Rule));
        Assert.Equal(1, error.Line);
    }
}
