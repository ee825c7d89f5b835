namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Resource.RevocableInfo</c>: an empty marker, <c>{}</c> on the wire.</summary>
public sealed record RevocableInfo;
