namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Resource.SharedInfo</c>: an empty marker, <c>{}</c> on the wire.</summary>
public sealed record SharedInfo;
