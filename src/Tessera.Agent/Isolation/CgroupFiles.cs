using System.Globalization;

namespace Tessera.Agent.Isolation;

/// <summary>Small readers and writers for cgroup control files.</summary>
internal static class CgroupFiles
{
    public static void Write(string dir, string file, string value) => File.WriteAllText(Path.Combine(dir, file), value);

    public static string? Read(string dir, string file)
    {
        try
        {
            return File.ReadAllText(Path.Combine(dir, file)).Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static long? ReadLong(string dir, string file) =>
        Read(dir, file) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>One value of a "key value" per line file (memory.stat, cpu.stat, memory.events, oom_control).</summary>
    public static long? ReadKey(string dir, string file, string key)
    {
        if (Read(dir, file) is not { } text) return null;
        foreach (var line in text.Split('\n'))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[0] == key && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                return value;
        }
        return null;
    }

    public static IReadOnlyList<int> Pids(string dir) =>
        Read(dir, "cgroup.procs") is { } text
            ? [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))]
            : [];
}
