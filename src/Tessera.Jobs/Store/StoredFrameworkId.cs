namespace Tessera.Jobs.Store;

/// <summary>Stored JSON of the framework id.</summary>
internal sealed record StoredFrameworkId(string FrameworkId);
