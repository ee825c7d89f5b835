using System.Text.Json.Serialization;

namespace Tessera.Jobs.Config;

/// <summary>A Thermos process: Aurora's defaults are max_failures 1, min_duration 5 s, flags off.</summary>
public sealed record ProcessConfig(
    string Name,
    string Cmdline,
    int MaxFailures = 1,
    bool Daemon = false,
    bool Ephemeral = false,
    int MinDuration = 5,
    bool Final = false,
    LoggerConfig? Logger = null)
{
    [JsonIgnore]
    public LoggerConfig EffectiveLogger => Logger ?? LoggerConfig.Default;
}
