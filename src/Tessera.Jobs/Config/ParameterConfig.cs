namespace Tessera.Jobs.Config;

/// <summary>A Docker parameter: <c>Parameter(name, value)</c>.</summary>
public sealed record ParameterConfig(string Name, string Value);
