namespace Tessera.Core.Resources;

/// <summary>
/// Role names as Mesos defines them: <c>*</c> (the default, unreserved role) or a path of one or
/// more components separated by <c>/</c> (<c>eng/frontend</c>). A component is not empty, not
/// <c>.</c>, <c>..</c> or <c>*</c>, and does not start with <c>-</c>. Deliberately stricter than
/// Mesos, which allows any character but whitespace and DEL: a component holds only ASCII letters,
/// digits, <c>.</c>, <c>_</c> and <c>-</c>, at most 255 of them, because role names become file,
/// cgroup and metric names and are printed in terminals (docs/master.md, "Role names").
/// </summary>
public static class RoleName
{
    public const string Default = "*";

    /// <summary>The longest component: a file name's limit.</summary>
    public const int MaxComponentLength = 255;

    /// <summary>Returns why <paramref name="role"/> is not a valid role name, or null when it is.</summary>
    public static string? Validate(string? role)
    {
        if (string.IsNullOrEmpty(role)) return "role name must not be empty";
        if (role == Default) return null;
        if (role.StartsWith('/') || role.EndsWith('/')) return $"role '{Shown(role)}' must not start or end with '/'";
        foreach (var part in role.Split('/'))
        {
            if (part.Length == 0) return $"role '{Shown(role)}' must not contain '//'";
            if (part is "." or "..") return $"role '{Shown(role)}' must not have a '{part}' component";
            if (part == Default) return $"role '{Shown(role)}' must not have a '*' component";
            if (part[0] == '-') return $"role '{Shown(role)}' has a component starting with '-'";
            if (part.Length > MaxComponentLength)
                return $"role '{Shown(role)}' has a component longer than {MaxComponentLength} characters";
            foreach (var c in part)
                if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
                    return $"role '{Shown(role)}' may only hold ASCII letters, digits, '.', '_', '-' " +
                        "(and '/' between components)";
        }
        return null;
    }

    public static bool IsValid(string? role) => Validate(role) is null;

    /// <summary>
    /// A role as an error text may show it: printable ASCII kept, anything else as <c>\u</c> and four hex
    /// digits, cut at 100.
    /// </summary>
    private static string Shown(string role)
    {
        var text = new System.Text.StringBuilder();
        foreach (var c in role.Length > 100 ? role[..100] : role)
            text.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}");
        return role.Length > 100 ? text.Append("...").ToString() : text.ToString();
    }

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
