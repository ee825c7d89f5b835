using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Loop;
using Tessera.Master.State;

namespace Tessera.Master.Scheduler;

/// <summary>
/// Routes every Scheduler API call except SUBSCRIBE to its component, after the checks all calls
/// share: the framework is subscribed, the stream id matches, the call's body is present.
/// Runs on the master loop.
/// </summary>
internal static class SchedulerCalls
{
    public static CallOutcome Dispatch(MasterRuntime rt, SchedulerCall call, string? streamId)
    {
        var id = call.FrameworkId?.Value;
        if (id is null) return CallOutcome.BadRequest("'framework_id' is required for every call but SUBSCRIBE");
        if (rt.State.Framework(id) is not { } framework)
            return CallOutcome.Forbidden($"'framework_id': framework {id} is not subscribed");
        if (streamId is null) return CallOutcome.Forbidden("the 'Mesos-Stream-Id' header is required for every call but SUBSCRIBE");
        if (!framework.Connected || framework.StreamId != streamId)
            return CallOutcome.Forbidden($"'Mesos-Stream-Id' {streamId} is not the current stream of framework {id}");
        return call.Type switch
        {
            SchedulerCallType.TEARDOWN => Teardown(rt, framework),
            SchedulerCallType.ACCEPT => call.Accept is { } accept ? rt.Accepts.Accept(framework, accept) : Missing("accept"),
            SchedulerCallType.DECLINE => call.Decline is { } decline ? Decline(rt, framework, decline) : Missing("decline"),
            SchedulerCallType.REVIVE => Revive(rt, framework, call.Revive?.Roles),
            SchedulerCallType.SUPPRESS => Suppress(rt, framework, call.Suppress?.Roles),
            SchedulerCallType.KILL => call.Kill is { } kill ? rt.Tasks.Kill(framework, kill) : Missing("kill"),
            SchedulerCallType.SHUTDOWN => call.Shutdown is { } shutdown ? rt.Tasks.Shutdown(framework, shutdown) : Missing("shutdown"),
            SchedulerCallType.ACKNOWLEDGE => call.Acknowledge is { } ack ? rt.Tasks.Acknowledge(framework, ack) : Missing("acknowledge"),
            SchedulerCallType.RECONCILE => rt.Tasks.Reconcile(framework, call.Reconcile ?? new ReconcileCall()),
            SchedulerCallType.MESSAGE => call.Message is { } message ? rt.Tasks.Message(framework, message) : Missing("message"),
            SchedulerCallType.UPDATE_FRAMEWORK => call.UpdateFramework is { } update ? rt.Frameworks.Update(framework, update) : Missing("update_framework"),
            // Accepted and ignored, as Mesos' built-in allocator ignores REQUEST; no inverse offers
            // or operation feedback are made yet, so their answers have nothing to act on.
            SchedulerCallType.REQUEST or SchedulerCallType.ACCEPT_INVERSE_OFFERS or SchedulerCallType.DECLINE_INVERSE_OFFERS
                or SchedulerCallType.ACKNOWLEDGE_OPERATION_STATUS or SchedulerCallType.RECONCILE_OPERATIONS => CallOutcome.Accepted,
            SchedulerCallType.SUBSCRIBE => CallOutcome.BadRequest("SUBSCRIBE opens a stream; it was routed wrongly"),
            _ => CallOutcome.BadRequest($"'type' {call.Type} is not a known call type"),
        };
    }

    private static CallOutcome Missing(string field) => CallOutcome.BadRequest($"'{field}' is required for this call type");

    private static CallOutcome Teardown(MasterRuntime rt, FrameworkRecord framework)
    {
        rt.Frameworks.Remove(framework);
        return CallOutcome.Accepted;
    }

    private static CallOutcome Decline(MasterRuntime rt, FrameworkRecord framework, DeclineCall decline)
    {
        rt.Offers.Decline(framework, decline.OfferIds ?? [], decline.Filters);
        return CallOutcome.Accepted;
    }

    private static CallOutcome Revive(MasterRuntime rt, FrameworkRecord framework, IReadOnlyList<string>? roles)
    {
        if (UnknownRole(framework, roles) is { } bad) return CallOutcome.BadRequest($"'revive.roles': '{bad}' is not one of the framework's roles");
        rt.State.Allocator.Revive(framework.Id, roles ?? []);
        rt.RequestAllocation();
        rt.Changed();
        return CallOutcome.Accepted;
    }

    private static CallOutcome Suppress(MasterRuntime rt, FrameworkRecord framework, IReadOnlyList<string>? roles)
    {
        if (UnknownRole(framework, roles) is { } bad) return CallOutcome.BadRequest($"'suppress.roles': '{bad}' is not one of the framework's roles");
        rt.State.Allocator.Suppress(framework.Id, roles ?? []);
        rt.Changed();
        return CallOutcome.Accepted;
    }

    private static string? UnknownRole(FrameworkRecord framework, IReadOnlyList<string>? roles) =>
        roles?.FirstOrDefault(r => !framework.Roles.Contains(r));
}
