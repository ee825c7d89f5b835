namespace Tessera.Cli.Client;

/// <summary>The last lines of some text (pure), for <c>task logs --tail N</c>.</summary>
internal static class LogTail
{
    /// <summary>The text's last <paramref name="lines"/> lines; a final newline ends the last line rather than starting one.</summary>
    public static string LastLines(string text, int lines)
    {
        if (lines <= 0 || text.Length == 0) return "";
        var end = text.EndsWith('\n') ? text.Length - 1 : text.Length;
        var cut = end;
        for (var found = 0; found < lines; found++)
        {
            cut = cut == 0 ? -1 : text.LastIndexOf('\n', cut - 1);
            if (cut < 0) return text;
        }
        return text[(cut + 1)..];
    }

    /// <summary>Whether <paramref name="text"/> holds at least <paramref name="lines"/> whole lines after its first newline (so its start can be cut).</summary>
    public static bool HasLines(string text, int lines)
    {
        if (lines <= 0) return true;
        var end = text.EndsWith('\n') ? text.Length - 1 : text.Length;
        var count = 0;
        for (var i = 0; i < end; i++)
            if (text[i] == '\n' && ++count >= lines)
                return true;
        return false;
    }
}
