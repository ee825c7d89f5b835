namespace Tessera.Master.Loop;

/// <summary>How an HTTP call ends: a status code and, for errors, a message naming the field and rule.</summary>
internal sealed record CallOutcome(int Status, string? Message = null, byte[]? JsonBody = null)
{
    public static readonly CallOutcome Accepted = new(202);
    public static readonly CallOutcome Ok = new(200);

    public static CallOutcome BadRequest(string message) => new(400, message);
    public static CallOutcome Forbidden(string message) => new(403, message);
    public static CallOutcome NotFound(string message) => new(404, message);
    public static CallOutcome Conflict(string message) => new(409, message);
    public static CallOutcome Json(byte[] body) => new(200, null, body);
}
