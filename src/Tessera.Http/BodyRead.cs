namespace Tessera.Http;

/// <summary>
/// A request body read and decoded, or why it was refused: the status and one line naming the field and the rule.
/// </summary>
public sealed record BodyRead<T>(T? Value, int Status, string? Problem)
{
    /// <summary>The decoded body.</summary>
    public static BodyRead<T> Ok(T value) => new(value, 200, null);

    /// <summary>A refusal.</summary>
    public static BodyRead<T> Refused(int status, string problem) => new(default, status, problem);

    /// <summary>True when the body was refused.</summary>
    public bool IsRefused => Problem is not null;
}
