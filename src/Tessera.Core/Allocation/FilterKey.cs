namespace Tessera.Core.Allocation;

/// <summary>Offer filters are kept per framework and role on each agent.</summary>
public readonly record struct FilterKey(string FrameworkId, string Role);
