namespace Tessera.Jobs.Api;

/// <summary>An expected refusal of an API call: the HTTP status and one line naming the field and the rule.</summary>
public sealed record ApiProblem(int StatusCode, string Message)
{
    public static ApiProblem BadRequest(string message) => new(400, message);

    public static ApiProblem NotFound(string message) => new(404, message);

    public static ApiProblem Conflict(string message) => new(409, message);
}
