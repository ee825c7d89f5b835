namespace Tessera.Core.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void CoreAssemblyLoads() => Assert.Equal("Tessera.Core", typeof(Tessera.Core.AssemblyMarker).Assembly.GetName().Name);
}
