namespace Tessera.Jobs.Api;

/// <summary>The body of <c>…/add</c>: <see cref="Count"/> new instances copied from instance <see cref="Instance"/>.</summary>
public sealed record AddRequest(int Instance, int Count);
