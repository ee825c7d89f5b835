namespace Tessera.Agent.Files;

/// <summary>Why a requested sandbox path is not served.</summary>
internal enum SandboxRefusalKind
{
    /// <summary>No path was given (400).</summary>
    Missing,

    /// <summary>The path is malformed: relative, NUL (400).</summary>
    Invalid,

    /// <summary>The path is, or resolves, outside the sandboxes (403).</summary>
    Outside,

    /// <summary>Inside the sandboxes but not there (404).</summary>
    NotFound,
}

/// <summary>A refusal with a message that names the parameter and the rule.</summary>
internal sealed record SandboxRefusal(SandboxRefusalKind Kind, string Message)
{
    public int HttpStatus => Kind switch
    {
        SandboxRefusalKind.Missing or SandboxRefusalKind.Invalid => 400,
        SandboxRefusalKind.Outside => 403,
        _ => 404,
    };
}

/// <summary>A resolved path (every symlink followed, inside the root) or a refusal.</summary>
internal sealed record SandboxResolution(string? Path, FileStat? Stat, SandboxRefusal? Refusal)
{
    public static SandboxResolution Refused(SandboxRefusalKind kind, string message) => new(null, null, new SandboxRefusal(kind, message));
}
