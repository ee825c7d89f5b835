using System.Globalization;

namespace Tessera.Jobs.Scheduling;

/// <summary>Task ids as Aurora makes them: <c>role-env-job-instance-uuid</c>; the uuid comes from the caller.</summary>
public static class TaskIds
{
    public static string Make(JobKey job, int instanceId, Guid unique)
    {
        ArgumentNullException.ThrowIfNull(job);
        return string.Create(CultureInfo.InvariantCulture,
            $"{job.Role}-{job.Environment}-{job.Name}-{instanceId}-{unique:D}");
    }
}
