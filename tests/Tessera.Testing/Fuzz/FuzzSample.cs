namespace Tessera.Testing.Fuzz;

/// <summary>Which server a sample goes to.</summary>
public enum FuzzTarget
{
    /// <summary>The master (Scheduler, Operator and agent-link APIs).</summary>
    Master,

    /// <summary>The agent that runs the fuzz framework's tasks (Executor and agent Operator APIs).</summary>
    Agent,

    /// <summary>The jobs scheduler's REST API.</summary>
    Jobs,
}

/// <summary>
/// A valid request the fuzzer starts from: a POST of <see cref="Body"/> (a template whose
/// <c>{{name}}</c> placeholders <see cref="FuzzFramework"/> fills) to <see cref="Path"/>.
/// </summary>
/// <param name="Name">How reports name it (<c>scheduler ACCEPT</c>).</param>
/// <param name="StreamId">Send the fuzz framework's <c>Mesos-Stream-Id</c> header.</param>
/// <param name="Accept">The Accept header to send, if any (a session streams <c>application/recordio</c>).</param>
/// <param name="Weight">How often it is picked relative to the others (a TEARDOWN of the fuzz framework is rare: it costs a new framework and new residents).</param>
/// <param name="ReadOnly">A query: when it succeeds, the state read before it still holds.</param>
public sealed record FuzzSample(string Name, FuzzTarget Target, string Path, string Body, bool StreamId = false, string? Accept = null, double Weight = 2, bool ReadOnly = false);
