using Tessera.Core.Resources;

namespace Tessera.Agent.Resources;

/// <summary>The agent's total and which of its resource names were detected rather than given in <c>--resources</c>.</summary>
internal sealed record DetectedResources(ResourceSet Total, IReadOnlyList<string> Detected);
