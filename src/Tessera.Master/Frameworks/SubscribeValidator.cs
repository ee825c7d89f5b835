using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Core.Resources;

namespace Tessera.Master.Frameworks;

/// <summary>Mesos' checks on a SUBSCRIBE (and UPDATE_FRAMEWORK) framework info; returns the error or null.</summary>
internal static class SubscribeValidator
{
    public static string? Validate(SubscribeCall call, FrameworkID? callFrameworkId, IReadOnlyCollection<string> roleWhitelist)
    {
        var info = call.FrameworkInfo;
        if (callFrameworkId is not null && info.Id is not null && callFrameworkId.Value != info.Id.Value)
            return $"'framework_id' ({callFrameworkId.Value}) differs from 'subscribe.framework_info.id' ({info.Id.Value})";
        if (callFrameworkId is not null && info.Id is null)
            return "'subscribe.framework_info.id' must be set when re-subscribing with 'framework_id'";
        return ValidateInfo(info, roleWhitelist) ?? ValidateSuppressed(call.SuppressedRoles, info);
    }

    public static string? ValidateInfo(FrameworkInfo info, IReadOnlyCollection<string> roleWhitelist)
    {
        if (info.Name.Length == 0) return "'framework_info.name' must not be empty";
        if (info.FailoverTimeout is { } t && (!double.IsFinite(t) || t < 0))
            return "'framework_info.failover_timeout' must be a non-negative number of seconds";
        var multiRole = info.HasCapability(FrameworkCapabilityType.MULTI_ROLE);
        if (multiRole && info.Role is not null)
            return "'framework_info.role' must not be set with the MULTI_ROLE capability; use 'roles'";
        if (!multiRole && info.Roles is { Count: > 0 })
            return "'framework_info.roles' needs the MULTI_ROLE capability; without it use 'role'";
        var roles = multiRole ? info.Roles ?? [] : [info.Role ?? RoleName.Default];
        if (roles.Distinct().Count() != roles.Count) return "'framework_info.roles' must not repeat a role";
        foreach (var role in roles)
        {
            if (RoleName.Validate(role) is { } bad) return $"'framework_info.roles': {bad}";
            if (roleWhitelist.Count > 0 && role != RoleName.Default && !roleWhitelist.Contains(role))
                return $"'framework_info.roles': role '{role}' is not in the master's --roles whitelist";
        }
        return null;
    }

    private static string? ValidateSuppressed(IReadOnlyList<string>? suppressed, FrameworkInfo info)
    {
        if (suppressed is null) return null;
        var roles = info.HasCapability(FrameworkCapabilityType.MULTI_ROLE) ? info.Roles ?? [] : [info.Role ?? RoleName.Default];
        foreach (var role in suppressed)
            if (!roles.Contains(role))
                return $"'subscribe.suppressed_roles': '{role}' is not one of the framework's roles";
        return null;
    }
}
