using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Jobs.Api;

namespace Tessera.Cli.Client;

/// <summary>
/// The text of <c>tessera job diff</c>: "no changes", or one line per difference —
/// <c>~ instances: 3 -> 5 (adds 3-4)</c>, <c>~ path: old -> new</c>, <c>+ path: new</c>,
/// <c>- path: old</c> — values as JSON.
/// </summary>
internal static class JobDiffText
{
    public static void Write(TextWriter output, JobDiff diff)
    {
        if (diff.Identical)
        {
            output.WriteLine($"no changes: {diff.Key} is as stored");
            return;
        }
        if (diff.Instances != diff.ProposedInstances)
        {
            var what = !diff.Add.IsDefaultOrEmpty ? $"adds {Ranges(diff.Add)}" : $"removes {Ranges(diff.Remove)}";
            output.WriteLine($"~ instances: {N(diff.Instances)} -> {N(diff.ProposedInstances)} ({what})");
        }
        foreach (var change in diff.Changes)
        {
            output.WriteLine(change.Kind switch
            {
                FieldChangeKind.Added => $"+ {change.Path}: {Json(change.New)}",
                FieldChangeKind.Removed => $"- {change.Path}: {Json(change.Old)}",
                _ => $"~ {change.Path}: {Json(change.Old)} -> {Json(change.New)}",
            });
        }
    }

    /// <summary><c>0-2,5</c> for 0, 1, 2, 5 (sorted input).</summary>
    public static string Ranges(IReadOnlyList<int> instances)
    {
        var parts = new List<string>();
        for (var i = 0; i < instances.Count;)
        {
            var j = i;
            while (j + 1 < instances.Count && instances[j + 1] == instances[j] + 1) j++;
            parts.Add(i == j ? N(instances[i]) : $"{N(instances[i])}-{N(instances[j])}");
            i = j + 1;
        }
        return string.Join(",", parts);
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The value as JSON, quotes and &lt;&gt;&amp; as themselves.</summary>
    private static string Json(JsonNode? value) => value?.ToJsonString(Relaxed) ?? "null";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
