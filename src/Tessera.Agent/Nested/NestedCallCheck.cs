using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Operator;

namespace Tessera.Agent.Nested;

/// <summary>
/// Validates the nested container calls before anything happens (pure): the ids (a nested id of
/// letters, digits, '-' and '_', one level under a parent), and for a session the command (argv
/// or shell string, no NUL, bounded sizes), no image or TTY, no URIs to fetch. Each refusal is one
/// line naming the field and the rule. The nested id becomes a folder name under the parent's
/// runtime folder, hence its strict alphabet.
/// </summary>
internal static class NestedCallCheck
{
    public const int MaxIdLength = 128;
    public const int MaxArguments = 4096;
    public const int MaxCommandBytes = 128 * 1024;
    public const int MaxVariables = 1024;

    /// <summary>Why the launch is refused, or null.</summary>
    public static string? Launch(LaunchNestedContainerSessionCall? call)
    {
        const string Field = "launch_nested_container_session";
        if (call is null) return $"'{Field}' is required for LAUNCH_NESTED_CONTAINER_SESSION";
        if (Id(call.ContainerId, $"{Field}.container_id") is { } id) return id;
        if (call.Container is not null) return $"'{Field}.container': images and TTYs are not supported; leave it out (the command runs in the parent's container)";
        if (call.Command is not { } command) return $"'{Field}.command' is required";
        if (command.Uris is { Count: > 0 }) return $"'{Field}.command.uris': fetching is not supported for nested containers";
        if (string.IsNullOrEmpty(command.Value)) return $"'{Field}.command.value' is required: the shell command, or the program when shell is false";
        var args = command.Arguments ?? [];
        if (args.Count > MaxArguments) return $"'{Field}.command.arguments' has {args.Count} entries; at most {MaxArguments}";
        long bytes = command.Value.Length + args.Sum(a => (long)(a?.Length ?? 0));
        if (bytes > MaxCommandBytes) return $"'{Field}.command': value and arguments are {bytes} characters; at most {MaxCommandBytes}";
        if (command.Value.Contains('\0') || args.Any(a => a is null || a.Contains('\0')))
            return $"'{Field}.command': value and arguments must be strings without NUL characters";
        var variables = command.Environment?.Variables ?? [];
        if (variables.Count > MaxVariables) return $"'{Field}.command.environment.variables' has {variables.Count} entries; at most {MaxVariables}";
        foreach (var variable in variables)
        {
            if (string.IsNullOrEmpty(variable.Name) || variable.Name.Contains('=') || variable.Name.Contains('\0'))
                return $"'{Field}.command.environment.variables': name '{variable.Name}' must be non-empty, without '=' or NUL";
            if (variable.Value is { } value && value.Contains('\0'))
                return $"'{Field}.command.environment.variables': the value of '{variable.Name}' contains NUL";
            if (variable.Type is not (null or EnvironmentVariableType.VALUE))
                return $"'{Field}.command.environment.variables': '{variable.Name}' must be a VALUE (secrets are not supported)";
        }
        return null;
    }

    /// <summary>Why the wait is refused, or null.</summary>
    public static string? Wait(WaitNestedContainerCall? call) => call is null
        ? "'wait_nested_container' is required for WAIT_NESTED_CONTAINER"
        : Id(call.ContainerId, "wait_nested_container.container_id");

    /// <summary>The user a session runs as: the container's; a different one asked for in <c>command.user</c> is refused.</summary>
    public static string? User(CommandInfo command, string? containerUser)
    {
        if (command.User is not { } asked || asked == containerUser) return null;
        var own = containerUser is null ? "the agent's own user (the task names none)" : $"'{containerUser}'";
        return $"'launch_nested_container_session.command.user': '{asked}' is not the container's user; a nested container runs as {own}; leave it out";
    }

    private static string? Id(ContainerID? id, string field)
    {
        if (id is null) return $"'{field}' is required";
        if (Segment(id.Value) is { } value) return $"'{field}.value' {value}";
        if (id.Parent is not { } parent) return $"'{field}.parent' is required: the running container to enter";
        if (parent.Parent is not null) return $"'{field}.parent.parent': only one level of nesting is supported; the parent must be a task's or executor's container";
        // The parent is only looked up among the running containers; the nested id names a folder.
        return string.IsNullOrEmpty(parent.Value) || parent.Value.Length > 1024 ? $"'{field}.parent.value' is required, at most 1024 characters" : null;
    }

    private static string? Segment(string? value) =>
        string.IsNullOrEmpty(value) ? "is required"
        : value.Length > MaxIdLength ? $"is {value.Length} characters; at most {MaxIdLength}"
        : value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && value is not ("." or "..") && !value.StartsWith('.')
            ? null
            : $"'{value}' may only contain letters, digits, '-', '_' and '.' (not first)";
}
