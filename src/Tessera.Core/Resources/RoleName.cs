namespace Tessera.Core.Resources;

/// <summary>
/// Role names as Mesos defines them: <c>*</c> (the default, unreserved role) or a path of one or
/// more components separated by <c>/</c> (<c>eng/frontend</c>). A component is not empty, not
/// <c>.</c> or <c>..</c>, does not start with <c>-</c> and holds no whitespace, slash or backslash.
/// </summary>
public static class RoleName
{
    public const string Default = "*";

    /// <summary>Returns why <paramref name="role"/> is not a valid role name, or null when it is.</summary>
    public static string? Validate(string? role)
    {
        if (string.IsNullOrEmpty(role)) return "role name must not be empty";
        if (role == Default) return null;
        if (role.StartsWith('/') || role.EndsWith('/')) return $"role '{role}' must not start or end with '/'";
        foreach (var part in role.Split('/'))
        {
            if (part.Length == 0) return $"role '{role}' must not contain '//'";
            if (part is "." or "..") return $"role '{role}' must not have a '{part}' component";
            if (part == Default) return $"role '{role}' must not have a '*' component";
            if (part[0] == '-') return $"role '{role}' has a component starting with '-'";
            foreach (var c in part)
                if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\')
                    return $"role '{role}' must not contain whitespace, control characters or '\\'";
        }
        return null;
    }

    public static bool IsValid(string? role) => Validate(role) is null;

    /// <summary><paramref name="child"/> is below <paramref name="parent"/> in the tree, and not equal to it.</summary>
    public static bool IsStrictSubrole(string child, string parent) =>
        parent != Default && child.Length > parent.Length + 1 && child[parent.Length] == '/' &&
        child.StartsWith(parent, StringComparison.Ordinal);

    /// <summary>Parent role of <c>a/b/c</c> is <c>a/b</c>; a top-level role has none.</summary>
    public static string? Parent(string role)
    {
        var slash = role.LastIndexOf('/');
        return slash < 0 ? null : role[..slash];
    }

    /// <summary>The role and each of its ancestors, the role itself first.</summary>
    public static IEnumerable<string> SelfAndAncestors(string role)
    {
        for (string? r = role; r is not null; r = Parent(r))
            yield return r;
    }
}
