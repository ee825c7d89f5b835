using System.CommandLine;
using Tessera.Cli.Client;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;
using Tessera.Core.Resources;

namespace Tessera.Cli.Commands;

/// <summary><c>tessera quota get [ROLE]</c>, <c>quota set ROLE --guarantee … --limit …</c>, <c>quota remove ROLE</c> (GET_QUOTA, GET_ROLES, UPDATE_QUOTA).</summary>
internal static class QuotaCommands
{
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var getRole = new Argument<string?>("ROLE") { Description = "only this role", Arity = ArgumentArity.ZeroOrOne };
        var get = new Command("get", "show quotas per role: guarantee, limit and what the role consumes now\n\nExamples:\n  tessera quota get\n  tessera quota get dev --json") { getRole };
        CliAction.Set(get, global, stdout, stderr, (parse, cli, ct) => GetAsync(parse.GetValue(getRole), cli, ct));

        var setRole = new Argument<string>("ROLE") { Description = "the role" };
        var guarantee = new Option<string>("--guarantee") { Description = "resources the role is guaranteed, e.g. 'cpus:2;mem:1024' (or cpus:2,mem:1024)" };
        var limit = new Option<string>("--limit") { Description = "the most the role may hold, e.g. 'cpus:4;mem:4096'" };
        var force = new Option<bool>("--force") { Description = "passed on as UPDATE_QUOTA's force (Tessera has no capacity check to skip)" };
        var set = new Command("set", "set a role's quota; replaces the role's whole quota (guarantee and limit), as UPDATE_QUOTA does\n\nExamples:\n  tessera quota set dev --guarantee 'cpus:2;mem:1024' --limit 'cpus:4;mem:4096'\n  tessera quota set batch --limit cpus:8,mem:16384")
        {
            setRole, guarantee, limit, force,
        };
        CliAction.Set(set, global, stdout, stderr, (parse, cli, ct) =>
        {
            var role = Role(parse.GetValue(setRole)!);
            var guarantees = QuotaText.Parse("--guarantee", parse.GetValue(guarantee));
            var limits = QuotaText.Parse("--limit", parse.GetValue(limit));
            if (guarantees is null && limits is null)
                throw new CliException("quota set needs --guarantee, --limit or both ('tessera quota remove ROLE' removes a quota)", TesseraCommand.ExitUsage);
            QuotaText.CheckWithinLimits(guarantees, limits);
            return UpdateAsync(new QuotaConfig { Role = role, Guarantees = guarantees, Limits = limits }, parse.GetValue(force), cli, ct);
        });

        var removeRole = new Argument<string>("ROLE") { Description = "the role" };
        var remove = new Command("remove", "remove a role's quota (guarantee and limit)\n\nExamples:\n  tessera quota remove dev") { removeRole };
        CliAction.Set(remove, global, stdout, stderr, (parse, cli, ct) =>
            UpdateAsync(new QuotaConfig { Role = Role(parse.GetValue(removeRole)!) }, force: false, cli, ct));

        return new Command("quota", "resource quotas per role (guarantees and limits)") { get, set, remove };
    }

    private static string Role(string role) => RoleName.Validate(role) is { } why
        ? throw new CliException($"ROLE '{role}': {why}", TesseraCommand.ExitUsage)
        : role;

    private static async Task<int> GetAsync(string? role, CliContext cli, CancellationToken ct)
    {
        using var client = cli.Operator();
        var quota = (await client.CallAsync(new OperatorCall { Type = OperatorCallType.GET_QUOTA }, ct)).GetQuota?.Status ?? new QuotaStatus();
        var configs = (quota.Configs ?? []).Where(c => role is null || c.Role == role).OrderBy(c => c.Role, StringComparer.Ordinal).ToList();
        if (cli.Json)
        {
            cli.Out.WriteLine(MesosJson.Serialize(new GetQuotaResponse { Status = new QuotaStatus { Configs = configs } }));
            return TesseraCommand.ExitOk;
        }
        if (configs.Count == 0)
        {
            cli.Out.WriteLine(role is null ? "no quotas are set" : $"role '{role}' has no quota");
            return TesseraCommand.ExitOk;
        }
        var roles = (await client.CallAsync(new OperatorCall { Type = OperatorCallType.GET_ROLES }, ct)).GetRoles?.Roles ?? [];
        Table.Write(cli.Out, ["ROLE", "GUARANTEE", "LIMIT", "CONSUMED"], Rows(configs, roles));
        return TesseraCommand.ExitOk;
    }

    /// <summary>The rows of <c>quota get</c> (pure).</summary>
    public static IEnumerable<IReadOnlyList<string>> Rows(IEnumerable<QuotaConfig> configs, IReadOnlyList<Role> roles) =>
        configs.Select(c => (IReadOnlyList<string>)
        [
            c.Role,
            ResourceText.Of(c.Guarantees),
            ResourceText.Of(c.Limits),
            ResourceText.Of(roles.FirstOrDefault(r => r.Name == c.Role)?.Quota?.Consumed),
        ]);

    private static async Task<int> UpdateAsync(QuotaConfig config, bool force, CliContext cli, CancellationToken ct)
    {
        using var client = cli.Operator();
        await client.CallAsync(new OperatorCall
        {
            Type = OperatorCallType.UPDATE_QUOTA,
            UpdateQuota = new UpdateQuotaCall { Force = force ? true : null, QuotaConfigs = [config] },
        }, ct);
        cli.Out.WriteLine(config.Guarantees is null && config.Limits is null
            ? $"quota of role {config.Role} removed"
            : $"quota of role {config.Role}: guarantee {ResourceText.Of(config.Guarantees)}, limit {ResourceText.Of(config.Limits)}");
        return TesseraCommand.ExitOk;
    }
}
