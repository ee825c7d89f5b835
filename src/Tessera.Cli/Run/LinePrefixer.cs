namespace Tessera.Cli.Run;

/// <summary>
/// Writes text through to a writer, starting every line with a prefix (<c>[2] </c>) when one is
/// given; a partial last line waits for its newline or for <see cref="Flush"/>. Not thread-safe:
/// one per stream.
/// </summary>
internal sealed class LinePrefixer(TextWriter output, string? prefix)
{
    private string _partial = "";

    public void Write(string text)
    {
        if (prefix is null)
        {
            output.Write(text);
            output.Flush();
            return;
        }
        var all = _partial + text;
        var end = all.LastIndexOf('\n');
        if (end < 0)
        {
            _partial = all;
            return;
        }
        _partial = all[(end + 1)..];
        var lines = all[..end].Split('\n');
        output.Write(string.Concat(lines.Select(line => $"{prefix}{line}\n")));
        output.Flush();
    }

    public void Flush()
    {
        if (prefix is not null && _partial.Length > 0)
        {
            output.Write($"{prefix}{_partial}\n");
            _partial = "";
        }
        output.Flush();
    }
}
