namespace Tessera.Jobs.Scheduling;

/// <summary>Active tasks of each job per attribute value, for limit constraints; counted lazily, updated as tasks are placed.</summary>
internal sealed class LimitCounter
{
    private readonly Dictionary<JobKey, List<PlacedTask>> _byJob = [];
    private readonly Dictionary<JobKey, Dictionary<string, Dictionary<string, int>>> _counts = [];

    public LimitCounter(IEnumerable<PlacedTask> placed)
    {
        foreach (var task in placed)
            Tasks(task.Job).Add(task);
    }

    public int Count(JobKey job, string attribute, string value)
    {
        if (!_counts.TryGetValue(job, out var byAttribute))
            _counts[job] = byAttribute = [];
        if (!byAttribute.TryGetValue(attribute, out var byValue))
        {
            byAttribute[attribute] = byValue = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var task in Tasks(job))
                Increment(byValue, task.Attribute(attribute));
        }
        return byValue.GetValueOrDefault(value);
    }

    public void Add(PlacedTask task)
    {
        Tasks(task.Job).Add(task);
        if (_counts.TryGetValue(task.Job, out var byAttribute))
        {
            foreach (var (attribute, byValue) in byAttribute)
                Increment(byValue, task.Attribute(attribute));
        }
    }

    private List<PlacedTask> Tasks(JobKey job)
    {
        if (!_byJob.TryGetValue(job, out var tasks))
            _byJob[job] = tasks = [];
        return tasks;
    }

    private static void Increment(Dictionary<string, int> byValue, string? value)
    {
        if (value is not null)
            byValue[value] = byValue.GetValueOrDefault(value) + 1;
    }
}
