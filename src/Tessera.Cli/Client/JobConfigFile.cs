using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Jobs;
using Tessera.Jobs.Api;
using Tessera.Jobs.Config;
using Tessera.Jobs.Updates;

namespace Tessera.Cli.Client;

/// <summary>
/// The CONFIG of <c>tessera job create|inspect|diff</c>: an <c>.aurora</c> file (evaluated by the
/// config loader), an Aurora job as JSON (<c>--read-json</c>), or a Tessera job spec as JSON.
/// </summary>
internal static class JobConfigFile
{
    /// <summary>True when <paramref name="path"/> is read by the Aurora config loader rather than as a job spec.</summary>
    public static bool IsAurora(string path, bool readJson) => readJson || path.EndsWith(".aurora", StringComparison.Ordinal);

    /// <summary>
    /// Loads an Aurora config (or its JSON) for <paramref name="key"/>, resolved as the scheduler
    /// would get it; config errors are one line each (file, line, field), exit 1; a bad --bind exits 2.
    /// </summary>
    /// <param name="forScheduler">
    /// For <c>create</c> and <c>diff</c>: also refuse what the config asks that this cluster does not
    /// do (<see cref="ConfigSupport"/>), rather than drop it; <c>inspect</c> shows every field.
    /// </param>
    public static async Task<JobConfig> LoadAsync(
        string path, JobKey key, IReadOnlyList<string> binds, bool readJson, CancellationToken ct,
        bool forScheduler = false, bool forCron = false)
    {
        if (!ConfigLoadOptions.TryParseBindings(binds, out var bindings, out var bindError))
            throw new CliException(bindError!, TesseraCommand.ExitUsage);
        var options = new ConfigLoadOptions { Key = key, Bindings = bindings };
        var result = readJson
            ? await AuroraConfigLoader.ReadJsonAsync(path, options, ct)
            : await AuroraConfigLoader.LoadAsync(path, options, ct);
        var errors = result.Ok && forScheduler ? ConfigSupport.Check(result.Job!, result.Sources, forCron) : result.Errors;
        if (!errors.IsEmpty)
            throw new CliException(string.Join("\n", errors.Select(e => e.ToString())));
        return result.Job!;
    }

    /// <summary>The job spec (JSON) that <c>create</c> posts and <c>diff</c> compares, for <paramref name="key"/>.</summary>
    public static async Task<string> SpecBodyAsync(string path, JobKey key, IReadOnlyList<string> binds, bool readJson, CancellationToken ct) =>
        IsAurora(path, readJson)
            ? JsonSerializer.Serialize(
                JobSpecMapping.ToSpec(await LoadAsync(path, key, binds, readJson, ct, forScheduler: true)),
                JobsApiJsonContext.Default.JobSpec)
            : SpecWithKey(await File.ReadAllTextAsync(path, ct), key, path);

    /// <summary>
    /// The body of <c>update start</c>: the job spec as <c>create</c> posts it and, for an Aurora
    /// config, its <c>update_config</c> as the settings (a JSON job spec gets Aurora's defaults).
    /// </summary>
    public static async Task<string> UpdateBodyAsync(string path, JobKey key, IReadOnlyList<string> binds, bool readJson,
        ImmutableArray<int>? instances, string? message, CancellationToken ct)
    {
        JsonNode job;
        var settings = UpdateSettings.Default;
        if (IsAurora(path, readJson))
        {
            var config = await LoadAsync(path, key, binds, readJson, ct, forScheduler: true);
            job = JsonSerializer.SerializeToNode(JobSpecMapping.ToSpec(config), JobsApiJsonContext.Default.JobSpec)!;
            settings = UpdateSettingsMapping.ToSettings(config.UpdateConfig);
        }
        else
        {
            job = JsonNode.Parse(SpecWithKey(await File.ReadAllTextAsync(path, ct), key, path))!;
        }
        var body = new JsonObject
        {
            ["job"] = job,
            ["settings"] = JsonSerializer.SerializeToNode(settings, JobsApiJsonContext.Default.UpdateSettings),
        };
        if (message is not null) body["message"] = message;
        if (instances is { } scope) body["instances"] = new JsonArray([.. scope.Select(i => (JsonNode)i)]);
        return body.ToJsonString();
    }

    /// <summary>
    /// The body of <c>cron schedule</c>: the job spec as <c>create</c> posts it, the config's
    /// <c>cron_schedule</c> and <c>cron_collision_policy</c>. Only an Aurora config (or its JSON) has them.
    /// </summary>
    public static async Task<string> CronBodyAsync(string path, JobKey key, IReadOnlyList<string> binds, bool readJson,
        CancellationToken ct)
    {
        if (!IsAurora(path, readJson))
            throw new CliException($"{path}: a cron job comes from an .aurora config (or --read-json) with cron_schedule",
                TesseraCommand.ExitUsage);
        var config = await LoadAsync(path, key, binds, readJson, ct, forScheduler: true, forCron: true);
        var body = new JsonObject
        {
            ["job"] = JsonSerializer.SerializeToNode(JobSpecMapping.ToSpec(config), JobsApiJsonContext.Default.JobSpec),
            ["schedule"] = config.CronSchedule,
            ["collision_policy"] = config.CronCollisionPolicy,
        };
        return body.ToJsonString();
    }

    /// <summary>The file's job spec with its key (and its template's job) set to <paramref name="key"/>.</summary>
    internal static string SpecWithKey(string json, JobKey key, string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CliException($"{path}: not valid JSON: {e.Message}", TesseraCommand.ExitUsage);
        }
        if (node is not JsonObject spec)
            throw new CliException($"{path}: must be a JSON object (a job spec)", TesseraCommand.ExitUsage);
        var keyNode = new JsonObject { ["cluster"] = key.Cluster, ["role"] = key.Role, ["environment"] = key.Environment, ["name"] = key.Name };
        spec["key"] = keyNode;
        if (spec["template"] is JsonObject template) template["job"] = keyNode.DeepClone();
        return spec.ToJsonString();
    }
}
