namespace Tessera.Core.Resources;

/// <summary>
/// Bad resource text or JSON. <see cref="Position"/> is the 0-based offset of the offending token in
/// the input and <see cref="Token"/> the token itself, so an error can point at it.
/// </summary>
public sealed class ResourceParseException(string input, int position, string token, string reason)
    : FormatException($"invalid resources at position {position} ('{token}'): {reason}")
{
    public string Input { get; } = input;
    public int Position { get; } = position;
    public string Token { get; } = token;
    public string Reason { get; } = reason;
}
