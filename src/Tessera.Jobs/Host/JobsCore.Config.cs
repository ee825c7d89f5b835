using Tessera.Jobs.Api;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Host;

internal sealed partial class JobsCore
{
    /// <summary>The stored job: its instance count and template (Aurora's getConfigSummary).</summary>
    public ApiOutcome<JobSpec> Config(JobKey key) =>
        _jobs.TryGetValue(key, out var job) ? ApiOutcome<JobSpec>.Ok(job.Value) : ApiProblem.NotFound($"key: no job {key}");

    /// <summary>What creating <paramref name="proposed"/> instead of the stored job would change; nothing is changed.</summary>
    public ApiOutcome<JobDiff> Diff(JobKey key, JobSpec proposed) =>
        _jobs.TryGetValue(key, out var job) ? ApiOutcome<JobDiff>.Ok(JobDiff.Compute(job.Value, proposed)) : ApiProblem.NotFound($"key: no job {key}");
}
