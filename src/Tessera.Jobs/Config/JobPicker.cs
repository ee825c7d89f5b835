using System.Text.Json.Nodes;

namespace Tessera.Jobs.Config;

/// <summary>
/// Picks one job from a config as Aurora does: with no key and a single job, that job; otherwise
/// the job whose cluster/role/environment/name match the key. Zero or several matches is an error
/// listing the candidates. A job without a cluster (the simplified form) matches any cluster.
/// </summary>
public static class JobPicker
{
    public static int Pick(IReadOnlyList<JsonObject> jobs, JobKey? key, IReadOnlyDictionary<string, string> bindings,
        SourceLocation? file, out ConfigError? error)
    {
        error = null;
        if (jobs.Count == 0)
        {
            error = ConfigError.At(file, null, "no-jobs", "the config defines no jobs");
            return -1;
        }
        var candidates = jobs.Select(job => Candidate(job, bindings)).ToList();
        if (key is null)
        {
            if (jobs.Count == 1)
                return 0;
            error = ConfigError.At(file, null, "pick",
                $"the config has {jobs.Count} jobs; name one with its key: {string.Join(", ", candidates.Select(Show))}");
            return -1;
        }
        var matches = Enumerable.Range(0, jobs.Count).Where(i => Matches(candidates[i], key)).ToList();
        if (matches.Count == 1)
            return matches[0];
        error = ConfigError.At(file, null, "pick", matches.Count == 0
            ? $"no job in the config matches {key}; candidates: {string.Join(", ", candidates.Select(Show))}"
            : $"{matches.Count} jobs match {key}: {string.Join(", ", matches.Select(i => Show(candidates[i])))}");
        return -1;
    }

    private sealed record Parts(string? Cluster, string? Role, string? Environment, string? Name);

    private static Parts Candidate(JsonObject job, IReadOnlyDictionary<string, string> bindings)
    {
        string? Field(string name) => Templating.ResolveJobField(job, name, bindings, out _)
            ?? (job[name] is JsonValue raw && raw.TryGetValue<string>(out var text) ? text : null);
        var name = Field("name");
        if (name is null && job["task"] is JsonObject task)
            name = Templating.ResolveJobField(task, "name", bindings, out _);
        return new Parts(Field("cluster"), Field("role"), Field("environment"), name);
    }

    private static bool Matches(Parts job, JobKey key) =>
        (job.Cluster is null || job.Cluster == key.Cluster) && job.Role == key.Role && job.Environment == key.Environment && job.Name == key.Name;

    private static string Show(Parts job) => $"{job.Cluster ?? "*"}/{job.Role ?? "?"}/{job.Environment ?? "?"}/{job.Name ?? "?"}";
}
