using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Api;

/// <summary>
/// What creating <c>proposed</c> instead of the stored job would change (Aurora's <c>job diff</c>):
/// the instance count, the instances that would be added or removed, and the template's fields that
/// differ. The executor's <c>task_json</c> is compared as JSON under the path <c>task</c>
/// (<c>task.processes[0].cmdline</c>); the template's <c>job</c> and <c>instance_id</c> are not compared.
/// </summary>
public sealed record JobDiff(
    string Key,
    int Instances,
    int ProposedInstances,
    ImmutableArray<int> Add,
    ImmutableArray<int> Remove,
    ImmutableArray<FieldChange> Changes)
{
    /// <summary>True when the proposed job is the stored one.</summary>
    public bool Identical => Instances == ProposedInstances && Changes.IsEmpty;

    /// <summary>The difference between <paramref name="stored"/> and <paramref name="proposed"/> (pure).</summary>
    public static JobDiff Compute(JobSpec stored, JobSpec proposed)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(proposed);
        var add = proposed.Instances > stored.Instances ? Enumerable.Range(stored.Instances, proposed.Instances - stored.Instances) : [];
        var remove = stored.Instances > proposed.Instances ? Enumerable.Range(proposed.Instances, stored.Instances - proposed.Instances) : [];
        return new JobDiff(stored.Key.ToString(), stored.Instances, proposed.Instances, [.. add], [.. remove],
            JsonTreeDiff.Compare(Tree(stored.Template), Tree(proposed.Template)));
    }

    /// <summary>The template as the API writes it, without job and instance_id, with task_json parsed into <c>task</c> when it is JSON.</summary>
    private static JsonObject Tree(TaskSpec template)
    {
        var tree = (JsonObject)JsonNode.Parse(JsonSerializer.Serialize(template, JobsApiJsonContext.Default.TaskSpec))!;
        tree.Remove("job");
        tree.Remove("instance_id");
        if (template.TaskJson is { } text && Parse(text) is { } task)
        {
            tree.Remove("task_json");
            tree["task"] = task;
        }
        return tree;
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
