using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Jobs;

namespace Tessera.Cli.Client;

/// <summary>
/// The clusters a job key may name, as Aurora's client finds them: <c>/etc/tessera/clusters.json</c>
/// (or <c>$TESSERA_CONFIG_ROOT/clusters.json</c>), then <c>~/.tessera/clusters.json</c>, a later file
/// redefining a cluster of the same name. Each file is a JSON list of
/// <c>{"name", "scheduler_uri", "master_uri"}</c> (other fields, such as Aurora's <c>zk</c>, are
/// ignored). <c>devcluster</c> is built in (jobs 127.0.0.1:8081, master 127.0.0.1:5050) unless a
/// file defines it. A malformed file is a usage error (exit 2) naming the file and the problem.
/// </summary>
internal sealed class ClusterDirectory
{
    public const string DevCluster = "devcluster";

    public static readonly ClusterEntry BuiltIn =
        new(DevCluster, new Uri("http://" + JobsClient.Fallback), new Uri("http://" + MasterAddress.Fallback), "built in");

    private readonly ImmutableDictionary<string, ClusterEntry> _clusters;

    private ClusterDirectory(ImmutableArray<string> files, ImmutableDictionary<string, ClusterEntry> clusters)
    {
        Files = files;
        _clusters = clusters;
    }

    /// <summary>The files searched, in order (later ones override earlier ones by name).</summary>
    public ImmutableArray<string> Files { get; }

    /// <summary>The system file then the user's (<c>$HOME</c>), from <paramref name="environment"/>.</summary>
    public static ImmutableArray<string> DefaultFiles(Func<string, string?> environment)
    {
        var root = environment("TESSERA_CONFIG_ROOT") is { Length: > 0 } r ? r : "/etc/tessera";
        var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return [Path.Combine(root, "clusters.json"), Path.Combine(home, ".tessera", "clusters.json")];
    }

    /// <summary>Reads those of <paramref name="files"/> that exist.</summary>
    public static ClusterDirectory Load(ImmutableArray<string> files)
    {
        var clusters = ImmutableDictionary.Create<string, ClusterEntry>(StringComparer.Ordinal).Add(DevCluster, BuiltIn);
        foreach (var file in files.Where(File.Exists))
        {
            foreach (var cluster in Parse(File.ReadAllText(file), file))
                clusters = clusters.SetItem(cluster.Name, cluster);
        }
        return new ClusterDirectory(files, clusters);
    }

    /// <summary>The cluster <paramref name="name"/>, or a usage error naming it, the job key and the files searched.</summary>
    public ClusterEntry Find(string name, string keyText)
    {
        if (_clusters.TryGetValue(name, out var cluster)) return cluster;
        var searched = string.Join(", ", Files.Select(f => File.Exists(f) ? f : $"{f} (absent)"));
        throw new CliException(
            $"job key '{keyText}': no cluster '{name}' in {searched}; define it there (name, scheduler_uri) or give --jobs",
            TesseraCommand.ExitUsage);
    }

    /// <summary>The clusters of one file's text; the error names the file, the entry and the field (pure).</summary>
    public static ImmutableArray<ClusterEntry> Parse(string text, string file)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw Malformed(file, $"not valid JSON: {e.Message}");
        }
        if (root is not JsonArray list)
            throw Malformed(file, "must be a JSON list of clusters: [{\"name\": \"…\", \"scheduler_uri\": \"http://host:port\", \"master_uri\": \"http://host:port\"}]");
        var clusters = ImmutableArray.CreateBuilder<ClusterEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject entry)
                throw Malformed(file, $"[{i}]: must be an object with name and scheduler_uri");
            var name = Text(entry, "name", i, file) ?? throw Malformed(file, $"[{i}].name: required");
            if (JobKey.PartError("name", name) is { } problem)
                throw Malformed(file, $"[{i}].name: {problem}");
            if (!seen.Add(name))
                throw Malformed(file, $"[{i}].name: cluster '{name}' is defined twice in this file");
            var scheduler = Address(entry, "scheduler_uri", i, file) ?? throw Malformed(file, $"[{i}].scheduler_uri: required (the jobs scheduler, http://host:port)");
            clusters.Add(new ClusterEntry(name, scheduler, Address(entry, "master_uri", i, file), file));
        }
        return clusters.ToImmutable();
    }

    private static string? Text(JsonObject entry, string field, int index, string file) => entry[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw Malformed(file, $"[{index}].{field}: must be a string"),
    };

    private static Uri? Address(JsonObject entry, string field, int index, string file)
    {
        if (Text(entry, field, index, file) is not { } text) return null;
        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
            throw Malformed(file, $"[{index}].{field}: must be http://host:port (or host:port), not '{text}'");
        return uri;
    }

    private static CliException Malformed(string file, string problem) => new($"{file}: {problem}", TesseraCommand.ExitUsage);
}
