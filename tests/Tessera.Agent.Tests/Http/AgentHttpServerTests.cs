namespace Tessera.Agent.Tests.Http;

public sealed class AgentHttpServerTests
{
    [Fact]
    public async Task AgentServesHealthOnItsOwnLoopbackPort()
    {
        await using var fixture = await AgentFixture.StartAsync();
        Assert.Equal("127.0.0.1", fixture.Agent.Address.Host);
        Assert.NotEqual(fixture.Master.Address.Port, fixture.Agent.Address.Port);
        using var http = new HttpClient { BaseAddress = fixture.Agent.Address };
        using var reply = await http.GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, reply.StatusCode);
    }
}
