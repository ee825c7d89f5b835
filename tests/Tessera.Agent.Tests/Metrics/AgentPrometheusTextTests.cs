using Tessera.Agent.Metrics;

namespace Tessera.Agent.Tests.Metrics;

public sealed class AgentPrometheusTextTests
{
    [Fact]
    public void SlaveNamesBecomeTesseraAgentNamesWithTypes()
    {
        var text = AgentPrometheusText.Write([new AgentMetric("slave/tasks_running", 2), new AgentMetric("slave/tasks_finished", 5, IsCounter: true), new AgentMetric("slave/cpus_percent", 0.25)]);
        Assert.Equal(
            "# TYPE tessera_agent_tasks_running gauge\ntessera_agent_tasks_running 2\n"
            + "# TYPE tessera_agent_tasks_finished counter\ntessera_agent_tasks_finished 5\n"
            + "# TYPE tessera_agent_cpus_percent gauge\ntessera_agent_cpus_percent 0.25\n",
            text);
    }
}
