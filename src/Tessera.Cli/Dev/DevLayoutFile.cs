using System.Globalization;

namespace Tessera.Cli.Dev;

/// <summary>
/// <c>DATA/dev-agents</c>: how many agents the dev cluster in this data folder has, so that
/// <c>tessera dev</c> without <c>--agents</c> brings back all of them (the master remembers them and
/// would otherwise mark the missing ones unreachable).
/// </summary>
internal static class DevLayoutFile
{
    private static string PathIn(string dataDir) => Path.Combine(dataDir, "dev-agents");

    public static int? LoadAgents(string dataDir)
    {
        var path = PathIn(dataDir);
        return File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
    }

    public static void Save(string dataDir, int agents) =>
        File.WriteAllText(PathIn(dataDir), agents.ToString(CultureInfo.InvariantCulture) + "\n");
}
