namespace Tessera.Core.Resources;

/// <summary>
/// Bad resource text or JSON. For text, <see cref="Position"/> is the 0-based offset of the offending
/// token and <see cref="Token"/> the token itself; for JSON, <see cref="Token"/> is the JSON path
/// (<c>$[2].scalar.value</c>) and <see cref="Position"/> the index of the resource in the array.
/// </summary>
public sealed class ResourceParseException : FormatException
{
    public ResourceParseException(string input, int position, string token, string reason)
        : this(input, position, token, reason, $"invalid resources at position {position} ('{token}'): {reason}")
    {
    }

    private ResourceParseException(string input, int position, string token, string reason, string message)
        : base(message)
    {
        Input = input;
        Position = position;
        Token = token;
        Reason = reason;
    }

    public string Input { get; }
    public int Position { get; }
    public string Token { get; }
    public string Reason { get; }

    /// <summary>An error in the JSON form, located by its JSON path.</summary>
    public static ResourceParseException AtPath(string input, int index, string path, string reason) =>
        new(input, index, path, reason, $"invalid resources at '{path}': {reason}");
}
