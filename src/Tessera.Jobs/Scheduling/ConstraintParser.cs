using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace Tessera.Jobs.Scheduling;

/// <summary>
/// Reads constraints as Aurora writes them. No constraint is implied: Aurora dropped its implicit
/// <c>host limit:1</c> in 2015 (AURORA-1074); <see cref="Placement"/> spreads a job's instances
/// over hosts by preference instead, and <c>'host': 'limit:N'</c> binds. <c>dedicated</c> takes one
/// value <c>role/name</c> whose role is the job's role or <c>*</c>.
/// </summary>
public static class ConstraintParser
{
    private const string LimitPrefix = "limit:";

    public static ParsedConstraints Parse(JobKey job, IReadOnlyDictionary<string, string> constraints)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(constraints);
        var rules = ImmutableArray.CreateBuilder<SchedulingConstraint>();
        var errors = ImmutableArray.CreateBuilder<InvalidConstraint>();
        string? dedicated = null;
        foreach (var (attribute, raw) in constraints.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var value = (raw ?? "").Trim();
            if (attribute.Length == 0)
            {
                errors.Add(new InvalidConstraint(attribute, value, "the attribute name must not be empty"));
                continue;
            }
            if (value.Length == 0)
            {
                errors.Add(new InvalidConstraint(attribute, value, "the value must not be empty"));
                continue;
            }
            if (attribute == PlacementAttributes.Dedicated)
            {
                if (DedicatedProblem(job, value) is { } problem)
                {
                    errors.Add(new InvalidConstraint(attribute, value, problem));
                    continue;
                }
                dedicated = value;
                rules.Add(new ValueConstraint(attribute, value, new[] { value }.ToFrozenSet(StringComparer.Ordinal), false));
                continue;
            }
            if (value.StartsWith(LimitPrefix, StringComparison.Ordinal))
            {
                var number = value[LimitPrefix.Length..].Trim();
                if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1)
                {
                    errors.Add(new InvalidConstraint(attribute, value, "limit:N needs a whole number N of at least 1"));
                    continue;
                }
                rules.Add(new LimitConstraint(attribute, value, limit));
                continue;
            }
            var negated = value[0] == '!';
            var values = (negated ? value[1..] : value).Split(',', StringSplitOptions.TrimEntries);
            if (values.Any(v => v.Length == 0))
            {
                errors.Add(new InvalidConstraint(attribute, value, "each of the comma-separated values must be non-empty"));
                continue;
            }
            rules.Add(new ValueConstraint(attribute, value, values.ToFrozenSet(StringComparer.Ordinal), negated));
        }
        return new ParsedConstraints(rules.ToImmutable(), dedicated, errors.ToImmutable());
    }

    private static string? DedicatedProblem(JobKey job, string value)
    {
        if (value.StartsWith('!') || value.StartsWith(LimitPrefix, StringComparison.Ordinal) || value.Contains(','))
            return "dedicated takes exactly one value role/name (no '!', 'limit:' or list)";
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var role = slash < 0 ? value : value[..slash];
        return role == job.Role || role == "*"
            ? null
            : $"the role before '/' must be the job's role '{job.Role}' or '*'";
    }
}
