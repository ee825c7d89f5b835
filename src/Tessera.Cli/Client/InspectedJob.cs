using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tessera.Jobs.Config;
using Tessera.Jobs.Scheduling;

namespace Tessera.Cli.Client;

/// <summary>
/// <c>tessera job inspect --json</c>: the resolved job (every field, Aurora's defaults filled in,
/// templates resolved) and the job spec <c>create</c> would post for it.
/// </summary>
internal sealed record InspectedJob(string Key, JobConfig Job, JobSpec Spec);

/// <summary>The JSON of <see cref="InspectedJob"/> (snake_case, enums by name).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(InspectedJob))]
internal sealed partial class InspectJsonContext : JsonSerializerContext
{
    /// <summary>The indented JSON, with quotes and &lt;&gt;&amp; as themselves (cmdlines stay readable).</summary>
    public static string Write(InspectedJob job)
    {
        var options = new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return JsonSerializer.Serialize(job, (JsonTypeInfo<InspectedJob>)options.GetTypeInfo(typeof(InspectedJob)));
    }
}
