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
}
