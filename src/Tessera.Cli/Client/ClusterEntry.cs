namespace Tessera.Cli.Client;

/// <summary>
/// One cluster of <c>clusters.json</c>: its name (a job key's first part), where its jobs
/// scheduler and master answer, and the file that defined it (or "built in").
/// </summary>
internal sealed record ClusterEntry(string Name, Uri SchedulerUri, Uri? MasterUri, string Source);
