using System.Security.Cryptography;
using System.Text.Json;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Api;

/// <summary>
/// A short name for a task's config (what <c>job status</c> shows per instance): the first 8 hex
/// digits of the SHA-256 of its JSON with the instance number left out, so instances on the same
/// config show the same version.
/// </summary>
public static class ConfigVersion
{
    public static string Of(TaskSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var json = JsonSerializer.SerializeToUtf8Bytes(spec with { InstanceId = 0 },
            JobsApiJsonContext.Default.TaskSpec);
        return Convert.ToHexStringLower(SHA256.HashData(json))[..8];
    }
}
