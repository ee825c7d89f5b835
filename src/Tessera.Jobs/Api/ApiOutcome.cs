namespace Tessera.Jobs.Api;

/// <summary>The answer of the scheduler to an API call: a value or an <see cref="ApiProblem"/>, as data.</summary>
public sealed record ApiOutcome<T>(T? Value, ApiProblem? Problem)
{
    public static ApiOutcome<T> Ok(T value) => new(value, null);

    public static ApiOutcome<T> Fail(ApiProblem problem) => new(default, problem);

    public static implicit operator ApiOutcome<T>(ApiProblem problem) => Fail(problem);
}
