using Tessera.Jobs.Config;

namespace Tessera.Jobs.Tests.Config;

public sealed class ExecutorJsonTests
{
    [Fact]
    public void TaskJsonHasAurorasFieldNames()
    {
        var task = new TaskConfig("hello",
            new([new ProcessConfig("fetch", "echo fetch"), new ProcessConfig("run", "serve {{thermos.ports[http]}}", MaxFailures: 3, Daemon: true, Ephemeral: true, MinDuration: 10, Final: false)]),
            new([new ConstraintConfig(new(["fetch", "run"]))]),
            new ResourcesConfig(0.25, 128L * 1024 * 1024, 1024L * 1024 * 1024, 1),
            MaxFailures: 2, MaxConcurrency: 4, FinalizationWait: 45);
        Assert.Equal(
            string.Concat(
                "{'name':'hello','processes':[{'name':'fetch','cmdline':'echo fetch','max_failures':1,'daemon':false,",
                "'ephemeral':false,'min_duration':5,'final':false},{'name':'run','cmdline':'serve {{thermos.ports[htt",
                "p]}}','max_failures':3,'daemon':true,'ephemeral':true,'min_duration':10,'final':false}],'constraints",
                "':[{'order':['fetch','run']}],'max_failures':2,'max_concurrency':4,'finalization_wait':45,'resources",
                "':{'cpu':0.25,'ram':134217728,'disk':1073741824,'gpu':1}}").Replace('\'', '"'),
            task.ToExecutorJson());
    }

    private static JobConfig Job(HealthCheckConfig? health) => new("hello", "www", "devcluster", "devel",
        new TaskConfig("hello", new([new ProcessConfig("run", "serve")]), new([]), new ResourcesConfig(1, 1024, 1024)), HealthCheck: health);

    [Fact]
    public void JobJsonIsTheTaskJsonPlusTheHealthCheckWithAurorasNames()
    {
        var job = Job(new HealthCheckConfig(new HttpHealthCheckerConfig("/ready", "", 204, "http://localhost:8080/ready"),
            InitialIntervalSecs: 0.5, IntervalSecs: 2, TimeoutSecs: 3, MaxConsecutiveFailures: 4, MinConsecutiveSuccesses: 5));
        Assert.Equal(
            job.Task.ToExecutorJson()[..^1] + string.Concat(
                ",'health_check_config':{'health_checker':{'http':{'endpoint':'/ready','expected_response':'','expected_response_code':204,",
                "'url':'http://localhost:8080/ready'}},'initial_interval_secs':0.5,'interval_secs':2,'timeout_secs':3,",
                "'max_consecutive_failures':4,'min_consecutive_successes':5},", DefaultLifecycle, "}").Replace('\'', '"'),
            job.ToExecutorJson());
    }

    [Fact]
    public void JobJsonCarriesTheShellCheckerOrAurorasDefaults()
    {
        Assert.EndsWith(
            (",'health_check_config':{'health_checker':{'shell':{'shell_command':'test -f up'}},'initial_interval_secs':15,'interval_secs':10,'timeout_secs':1,'max_consecutive_failures':0,'min_consecutive_successes':1}," + DefaultLifecycle + "}").Replace('\'', '"'),
            Job(new HealthCheckConfig(null, new ShellHealthCheckerConfig("test -f up"))).ToExecutorJson());
        Assert.Contains(
            "'health_checker':{'http':{'endpoint':'/health','expected_response':'ok','expected_response_code':0}}".Replace('\'', '"'),
            Job(null).ToExecutorJson());
    }

    private const string DefaultLifecycle =
        "'lifecycle':{'http':{'port':'health','graceful_shutdown_endpoint':'/quitquitquit','shutdown_endpoint':'/abortabortabort','graceful_shutdown_wait_secs':5,'shutdown_wait_secs':5}}";

    [Fact]
    public void JobJsonCarriesTheJobsLifecycleOrNoneWhenItHasNoHttpLifecycle()
    {
        var custom = Job(null) with { Lifecycle = new LifecycleConfig(new HttpLifecycleConfig("admin", "/stop", "/die", 2, 1)) };
        Assert.EndsWith(
            "'lifecycle':{'http':{'port':'admin','graceful_shutdown_endpoint':'/stop','shutdown_endpoint':'/die','graceful_shutdown_wait_secs':2,'shutdown_wait_secs':1}}}".Replace('\'', '"'),
            custom.ToExecutorJson());
        Assert.EndsWith("\"lifecycle\":{}}", (Job(null) with { Lifecycle = new LifecycleConfig(null) }).ToExecutorJson());
    }
}
