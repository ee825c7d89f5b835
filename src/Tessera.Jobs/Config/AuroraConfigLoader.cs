using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tessera.Jobs.Config;

/// <summary>
/// Loads a job from an <c>.aurora</c> file by running it with <c>python3 -I -S</c> under our prelude
/// (<see cref="ConfigEvaluation"/>: timeout, address-space cap, no socket modules, stdin closed,
/// output bounded, everything it started killed at the end), or from JSON
/// (<c>--read-json</c>); both go through <see cref="ConfigResolver"/>.
/// </summary>
public static class AuroraConfigLoader
{
    private static readonly Lazy<string> Prelude = new(() =>
    {
        using var stream = typeof(AuroraConfigLoader).Assembly
            .GetManifestResourceStream("Tessera.Jobs.Config.prelude.py")
            ?? throw new InvalidOperationException("the Python prelude is not embedded in Tessera.Jobs");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The prelude's source (embedded resource <c>Config/prelude.py</c>).</summary>
    public static string PreludeSource => Prelude.Value;

    public static async Task<ConfigLoadResult> LoadAsync(string path, ConfigLoadOptions options,
        CancellationToken cancellationToken)
    {
        var file = new SourceLocation(path, null);
        if (!File.Exists(path))
            return ConfigLoadResult.Failed(ConfigError.At(file, null, "file", $"no such config file: {path}"));
        var evaluation = await EvaluateAsync(path, options, cancellationToken).ConfigureAwait(false);
        if (evaluation.Error is not null)
            return ConfigLoadResult.Failed(evaluation.Error);
        return ConfigResolver.Resolve(evaluation.Jobs!, options, file);
    }

    public static async Task<ConfigLoadResult> ReadJsonAsync(string path, ConfigLoadOptions options,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            return ConfigLoadResult.Failed(
                ConfigError.At(new SourceLocation(path, null), null, "file", $"no such JSON file: {path}"));
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return ReadJson(text, path, options);
    }

    public static ConfigLoadResult ReadJson(string json, string source, ConfigLoadOptions options)
    {
        var file = new SourceLocation(source, null);
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            return ConfigLoadResult.Failed(
                new ConfigError(source, (int?)(e.LineNumber + 1), null, "json", $"not valid JSON: {e.Message}"));
        }
        var jobs = ConfigResolver.JobsOf(document, out var error);
        return jobs is null
            ? ConfigLoadResult.Failed(ConfigError.At(file, null, "json", error!))
            : ConfigResolver.Resolve(jobs, options, file);
    }

    private sealed record Evaluation(IReadOnlyList<JsonObject>? Jobs, ConfigError? Error);

    private static async Task<Evaluation> EvaluateAsync(string path, ConfigLoadOptions options,
        CancellationToken cancellationToken)
    {
        var file = new SourceLocation(path, null);
        var run = await ConfigEvaluation.RunAsync(path, options, Prelude.Value, cancellationToken)
            .ConfigureAwait(false);
        if (run.StartError is { } cannot)
            return new(null, ConfigError.At(file, null, "python",
                $"cannot run '{options.Python}' to evaluate the config ({cannot}); " +
                "install python3 or give its path"));
        if (run.TimedOut)
            return new(null, ConfigError.At(file, null, "timeout",
                $"evaluating the config took longer than {options.Timeout.TotalSeconds:0.#} s and was stopped, " +
                $"with everything it started (an endless loop?){Written(run)}"));
        if (run.ResultBytes > ConfigEvaluation.MaxResultBytes)
            return new(null, ConfigError.At(file, null, "output",
                $"the config's result is {Size(run.ResultBytes)}, more than the " +
                $"{Size(ConfigEvaluation.MaxResultBytes)} read; it was not used"));
        return Parse(run, file);
    }

    /// <summary>How much the config wrote to stderr, when that was more than was kept.</summary>
    private static string Written(ConfigEvaluation.Outcome run) =>
        run.StderrBytes > ConfigEvaluation.StderrTailBytes
            ? $"; it wrote {Size(run.StderrBytes)} to stderr " +
                $"(only the last {Size(ConfigEvaluation.StderrTailBytes)} were kept)"
            : "";

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024):0.#} MB"
        : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} bytes";

    private static Evaluation Parse(ConfigEvaluation.Outcome run, SourceLocation file)
    {
        JsonObject? result = null;
        try
        {
            result = JsonNode.Parse(run.Result) as JsonObject;
        }
        catch (JsonException)
        {
        }
        if (result is null)
        {
            var tail = run.StderrTail.Length > 2000 ? run.StderrTail[^2000..] : run.StderrTail;
            return new(null, ConfigError.At(file, null, "python",
                $"python3 exited with code {run.ExitCode} without a result{Written(run)}" +
                $"{(tail.Length > 0 ? ": " + tail.Trim() : "")}"));
        }
        if (result["ok"]?.GetValue<bool>() == true && result["jobs"] is JsonArray jobs)
            return new(jobs.OfType<JsonObject>().ToList(), null);
        var error = result["error"] as JsonObject;
        var kind = error?["kind"]?.GetValue<string>() ?? "python";
        var rule = kind switch
        {
            "memory" => "memory-limit",
            "include" => "include",
            "no-jobs" => "no-jobs",
            _ => "python-error",
        };
        return new(null, new ConfigError(
            error?["file"]?.GetValue<string>() ?? file.File,
            error?["line"] is JsonValue line ? line.GetValue<int>() : null,
            null, rule, error?["message"]?.GetValue<string>() ?? "the config failed"));
    }
}
