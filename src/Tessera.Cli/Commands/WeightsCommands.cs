using System.CommandLine;
using System.Globalization;
using Tessera.Cli.Client;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;
using Tessera.Core.Resources;

namespace Tessera.Cli.Commands;

/// <summary><c>tessera weights</c> (GET_WEIGHTS) and <c>tessera weights set ROLE=W …</c> (UPDATE_WEIGHTS).</summary>
internal static class WeightsCommands
{
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var pairs = new Argument<string[]>("ROLE=WEIGHT") { Description = "roles and their new weights", Arity = ArgumentArity.OneOrMore };
        var set = new Command("set", "set the weights of roles (a role without one weighs 1)\n\nExamples:\n  tessera weights set prod=2\n  tessera weights set prod=3 dev=0.5") { pairs };
        CliAction.Set(set, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var weights = Parse(parse.GetValue(pairs) ?? []);
            using var client = cli.Operator();
            await client.CallAsync(new OperatorCall { Type = OperatorCallType.UPDATE_WEIGHTS, UpdateWeights = new UpdateWeightsCall { WeightInfos = weights } }, ct);
            cli.Out.WriteLine("weights set: " + string.Join(", ", weights.Select(w => $"{w.Role}={ResourceText.Number(w.Weight)}")));
            return TesseraCommand.ExitOk;
        });

        var weights = new Command("weights", "role weights for fair sharing: list them, or 'weights set ROLE=W …'\n\nExamples:\n  tessera weights\n  tessera weights --json\n  tessera weights set prod=2 dev=0.5") { set };
        CliAction.Set(weights, global, stdout, stderr, async (parse, cli, ct) =>
        {
            using var client = cli.Operator();
            var answer = (await client.CallAsync(new OperatorCall { Type = OperatorCallType.GET_WEIGHTS }, ct)).GetWeights ?? new GetWeightsResponse();
            if (cli.Json)
            {
                cli.Out.WriteLine(MesosJson.Serialize(answer));
                return TesseraCommand.ExitOk;
            }
            var rows = (answer.WeightInfos ?? []).OrderBy(w => w.Role, StringComparer.Ordinal)
                .Select(w => (IReadOnlyList<string>)[w.Role ?? "*", ResourceText.Number(w.Weight)]).ToList();
            if (rows.Count == 0) cli.Out.WriteLine("no weights are set (every role weighs 1)");
            else Table.Write(cli.Out, ["ROLE", "WEIGHT"], rows);
            return TesseraCommand.ExitOk;
        });
        return weights;
    }

    /// <summary><c>prod=2</c> pairs (pure); a usage error naming the pair and the rule.</summary>
    public static IReadOnlyList<WeightInfo> Parse(IEnumerable<string> pairs)
    {
        var result = new List<WeightInfo>();
        foreach (var pair in pairs)
        {
            var eq = pair.LastIndexOf('=');
            var role = eq < 0 ? "" : pair[..eq].Trim();
            if (eq < 0 || !double.TryParse(pair[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight)
                || !double.IsFinite(weight) || weight <= 0)
                throw new CliException($"'{pair}': expected ROLE=WEIGHT with a positive number, e.g. prod=2", TesseraCommand.ExitUsage);
            if (RoleName.Validate(role) is { } why)
                throw new CliException($"'{pair}': role '{role}': {why}", TesseraCommand.ExitUsage);
            if (result.Any(w => w.Role == role))
                throw new CliException($"'{pair}': role '{role}' is given twice", TesseraCommand.ExitUsage);
            result.Add(new WeightInfo { Role = role, Weight = weight });
        }
        return result;
    }
}
