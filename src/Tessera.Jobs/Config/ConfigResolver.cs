using System.Text.Json.Nodes;

namespace Tessera.Jobs.Config;

/// <summary>
/// From a config's jobs (the prelude's output or <c>--read-json</c> input) to one checked job:
/// pick by key, take the key's cluster when the job has none, expand templates, read and validate.
/// Pure: the same for .aurora and JSON input.
/// </summary>
public static class ConfigResolver
{
    public static ConfigLoadResult Resolve(IReadOnlyList<JsonObject> jobs, ConfigLoadOptions options, SourceLocation file)
    {
        var index = JobPicker.Pick(jobs, options.Key, options.Bindings, file, out var pickError);
        if (pickError is not null)
            return ConfigLoadResult.Failed(pickError);
        var job = (JsonObject)jobs[index].DeepClone();
        if (options.Key is { } key && job["cluster"] is null)
            job["cluster"] = key.Cluster;
        var location = Templating.Where(job) ?? file;
        // Fields whose templates failed keep their text; the validator's complaints about them would repeat the error.
        var templateErrors = Templating.ResolveJob(job, options.Bindings, location);
        var unresolved = templateErrors.Select(e => e.Field).ToHashSet();
        var (config, sources, checkErrors) = ConfigValidator.Validate(job, location);
        var errors = templateErrors.AddRange(checkErrors.Where(e => !unresolved.Contains(e.Field)));
        return errors.IsEmpty ? new ConfigLoadResult(config, sources, []) : new ConfigLoadResult(null, sources, errors);
    }

    /// <summary>The jobs of a JSON document: <c>{"jobs": [...]}</c> or one job object.</summary>
    public static IReadOnlyList<JsonObject>? JobsOf(JsonNode? document, out string? error)
    {
        error = null;
        if (document is JsonObject obj && obj["jobs"] is { } jobs)
        {
            if (jobs is JsonArray array && array.All(j => j is JsonObject))
                return array.Cast<JsonObject>().ToList();
            error = "\"jobs\" must be a list of job objects";
            return null;
        }
        if (document is JsonObject single)
            return [single];
        error = "the JSON must be {\"jobs\": [...]} or one job object";
        return null;
    }
}
