using Tessera.Master.Events;

namespace Tessera.Master.Frameworks;

/// <summary>
/// The answer to SUBSCRIBE: a stream to hold open (with the framework id for the header), or an
/// HTTP error. A removed framework is refused the Mesos way: the stream opens, carries one ERROR
/// event, and is already closed.
/// </summary>
internal sealed record SubscribeOutcome(EventChannel? Stream, string? FrameworkId, int Status, string? Message)
{
    public static SubscribeOutcome Open(EventChannel stream, string frameworkId) => new(stream, frameworkId, 200, null);

    public static SubscribeOutcome Fail(int status, string message) => new(null, null, status, message);
}
