namespace Tessera.Jobs.Config;

/// <summary>Service discovery: <c>primary_port</c> (http), <c>portmap</c> ({aurora: primary port}), <c>zk_path</c>.</summary>
public sealed record AnnouncerConfig(string PrimaryPort, ValueMap Portmap, string? ZkPath = null);
