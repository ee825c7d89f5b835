using System.Globalization;

namespace Tessera.Core.Flags;

/// <summary>
/// Mesos-style command-line flags: <c>--name=value</c> or <c>--name value</c>, booleans as
/// <c>--name</c>, <c>--no-name</c> or <c>--name=false</c>; names may use <c>-</c> or <c>_</c>.
/// Each flag is declared with its default and help; anything unknown, repeated or malformed is a
/// <see cref="FlagException"/> naming the flag, which the command turns into exit code 2.
/// </summary>
public sealed class FlagSet(string command)
{
    private readonly Dictionary<string, Flag> _flags = new(StringComparer.Ordinal);
    private readonly List<Flag> _order = [];

    public string Command { get; } = command;

    public sealed record Flag(string Name, string Help, string? Default, bool IsBool)
    {
        public string? Value { get; set; }
        public bool Given { get; set; }
    }

    public FlagSet Add(string name, string help, string? defaultValue = null)
    {
        var f = new Flag(name, help, defaultValue, false);
        _flags[name] = f;
        _order.Add(f);
        return this;
    }

    public FlagSet AddBool(string name, string help, bool defaultValue = false)
    {
        var f = new Flag(name, help, defaultValue ? "true" : "false", true);
        _flags[name] = f;
        _order.Add(f);
        return this;
    }

    public IReadOnlyList<Flag> All => _order;

    public void Parse(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                throw new FlagException($"unexpected argument '{arg}' (flags look like --name=value)");
            var body = arg[2..];
            string? value = null;
            var eq = body.IndexOf('=');
            if (eq >= 0)
            {
                value = body[(eq + 1)..];
                body = body[..eq];
            }
            var name = body.Replace('_', '-');
            var negated = false;
            if (!_flags.ContainsKey(name) && name.StartsWith("no-", StringComparison.Ordinal) && _flags.TryGetValue(name[3..], out var b) && b.IsBool)
            {
                name = name[3..];
                negated = true;
            }
            if (!_flags.TryGetValue(name, out var flag))
                throw new FlagException($"unknown flag '--{body}' (run '{Command} --help')");
            if (flag.Given)
                throw new FlagException($"flag '--{name}' is given twice");
            if (flag.IsBool)
            {
                if (negated && value is not null) throw new FlagException($"flag '--no-{name}' takes no value");
                value = negated ? "false" : value ?? "true";
                if (value is not ("true" or "false"))
                    throw new FlagException($"flag '--{name}' must be true or false, not '{value}'");
            }
            else if (value is null)
            {
                if (i + 1 >= args.Count) throw new FlagException($"flag '--{name}' needs a value");
                value = args[++i];
            }
            flag.Value = value;
            flag.Given = true;
        }
    }

    public string? Raw(string name) => _flags[name].Given ? _flags[name].Value : _flags[name].Default;

    public bool IsGiven(string name) => _flags[name].Given;

    public string String(string name) => Raw(name) ?? throw new FlagException($"flag '--{name}' is required");

    public bool Bool(string name) => Raw(name) == "true";

    public int Int(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = String(name);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw new FlagException($"flag '--{name}' must be a whole number from {min} to {max}, not '{text}'");
        return v;
    }

    public TimeSpan Duration(string name, TimeSpan? min = null)
    {
        var text = String(name);
        if (!DurationText.TryParse(text, out var d, out var error))
            throw new FlagException($"flag '--{name}': {error}");
        if (min is { } m && d < m)
            throw new FlagException($"flag '--{name}' must be at least {DurationText.Format(m)}, not '{text}'");
        return d;
    }

    public TimeSpan? OptionalDuration(string name) => Raw(name) is null ? null : Duration(name);

    /// <summary><c>--help</c> text: each flag with its default.</summary>
    public string Help()
    {
        var lines = new List<string>();
        foreach (var f in _order)
        {
            var def = f.Default is null ? "" : $" (default: {f.Default})";
            lines.Add($"  --{f.Name}{(f.IsBool ? "" : "=VALUE")}");
            lines.Add($"      {f.Help}{def}");
        }
        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>A bad command-line flag; the message names it and the rule.</summary>
public sealed class FlagException(string message) : Exception(message);
