using Tessera.Jobs.Framework;

namespace Tessera.Jobs.Tests.Framework;

public sealed class InstanceTemplatesTests
{
    [Fact]
    public void FillsTheInstanceAndTheGivenPorts()
    {
        var text = "serve --port {{thermos.ports[http]}} --id {{mesos.instance}} --admin {{thermos.ports[admin]}}";
        Assert.Equal("serve --port 31000 --id 2 --admin {{thermos.ports[admin]}}",
            InstanceTemplates.Apply(text, 2, new Dictionary<string, int> { ["http"] = 31000 }));
    }

    [Fact]
    public void LeavesPortsToTheExecutorWhenNoneAreGiven() =>
        Assert.Equal("{\"cmdline\":\"x {{thermos.ports[http]}} 7\"}", InstanceTemplates.Apply("{\"cmdline\":\"x {{thermos.ports[http]}} {{mesos.instance}}\"}", 7, null));
}
