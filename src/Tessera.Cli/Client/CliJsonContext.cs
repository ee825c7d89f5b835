using System.Text.Json.Serialization;
using Tessera.Cli.Commands;

namespace Tessera.Cli.Client;

/// <summary>The CLI's own --json shapes (Mesos objects go out through MesosJson).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ClusterSummary))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
