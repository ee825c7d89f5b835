using System.Text;

namespace Tessera.Http;

/// <summary>
/// A refusal's text as our APIs send it: one line, at most <see cref="MaxLength"/> characters. Error
/// texts quote what the caller sent (an id, a role, a name), which may hold newlines or run long;
/// control characters are shown escaped and a long text is cut.
/// </summary>
public static class Refusals
{
    public const int MaxLength = 2000;

    public static string OneLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.EndsWith('\n') ? message[..^1] : message;
        var line = new StringBuilder(Math.Min(text.Length, MaxLength) + 16);
        foreach (var c in text)
        {
            if (line.Length >= MaxLength)
            {
                line.Append("… (cut)");
                break;
            }
            line.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return line.ToString();
    }
}
