using Tessera.Core.Protocol;

namespace Tessera.Cli.Client;

/// <summary>An agent's HTTP endpoint from its registration (pure): <c>http://hostname:port</c>, port 5051 when not given.</summary>
internal static class AgentAddress
{
    public const int DefaultPort = 5051;

    public static Uri Of(AgentInfo info) => new UriBuilder("http", info.Hostname, info.Port ?? DefaultPort).Uri;

    public static string Text(AgentInfo info) => $"{info.Hostname}:{info.Port ?? DefaultPort}";
}
