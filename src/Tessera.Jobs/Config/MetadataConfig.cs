namespace Tessera.Jobs.Config;

/// <summary>A free-form key/value on a job: <c>Metadata(key, value)</c>.</summary>
public sealed record MetadataConfig(string Key, string Value);
