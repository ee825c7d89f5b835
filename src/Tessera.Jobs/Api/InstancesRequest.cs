using System.Collections.Immutable;

namespace Tessera.Jobs.Api;

/// <summary>
/// The body of <c>…/kill</c>: the instances, or all of them when <see cref="Instances"/> is absent
/// or <see cref="All"/> is true.
/// </summary>
public sealed record InstancesRequest(ImmutableArray<int>? Instances = null, bool All = false);
