namespace Tessera.State.Registry;

/// <summary>Where the master registry keeps its entries in the key/value store.</summary>
public static class RegistryKeys
{
    /// <summary>Prefix of every registry key.</summary>
    public const string Root = "registry/";

    /// <summary>Format marker: the registry layout version.</summary>
    public const string Format = "registry/format";

    /// <summary>Prefix of agent entries: <c>registry/agents/&lt;id&gt;</c>.</summary>
    public const string AgentsPrefix = "registry/agents/";

    /// <summary>Prefix of quota entries: <c>registry/quota/&lt;role&gt;</c>.</summary>
    public const string QuotaPrefix = "registry/quota/";

    /// <summary>Prefix of weight entries: <c>registry/weights/&lt;role&gt;</c>.</summary>
    public const string WeightsPrefix = "registry/weights/";

    /// <summary>The maintenance schedule.</summary>
    public const string Maintenance = "registry/maintenance";

    /// <summary>The key of one agent.</summary>
    public static string Agent(string id) => AgentsPrefix + id;

    /// <summary>The key of one role's quota.</summary>
    public static string Quota(string role) => QuotaPrefix + role;

    /// <summary>The key of one role's weight.</summary>
    public static string Weight(string role) => WeightsPrefix + role;
}
