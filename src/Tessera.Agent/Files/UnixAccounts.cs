namespace Tessera.Agent.Files;

/// <summary>
/// User and group names for ids, from <c>/etc/passwd</c> and <c>/etc/group</c> (read once); an id
/// with no name is shown as its number, as <c>ls</c> does.
/// </summary>
internal static class UnixAccounts
{
    private static readonly Lazy<IReadOnlyDictionary<uint, string>> Users = new(() => Load("/etc/passwd"));
    private static readonly Lazy<IReadOnlyDictionary<uint, string>> Groups = new(() => Load("/etc/group"));

    public static string User(uint uid) => Users.Value.TryGetValue(uid, out var name) ? name : uid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Group(uint gid) => Groups.Value.TryGetValue(gid, out var name) ? name : gid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Lines <c>name:x:id:…</c> → id → name (the first name wins, as getpwuid does).</summary>
    public static IReadOnlyDictionary<uint, string> Parse(string text)
    {
        var names = new Dictionary<uint, string>();
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split(':');
            if (fields.Length < 3 || fields[0].Length == 0 || fields[0].StartsWith('#')) continue;
            if (uint.TryParse(fields[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
                names.TryAdd(id, fields[0]);
        }
        return names;
    }

    private static IReadOnlyDictionary<uint, string> Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Dictionary<uint, string>();
        }
    }
}
