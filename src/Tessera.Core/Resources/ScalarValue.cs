using System.Globalization;

namespace Tessera.Core.Resources;

/// <summary>
/// A scalar resource amount in Mesos' fixed-point form: three decimal digits, stored as an integer
/// count of thousandths. Doing arithmetic on integers is why 40 × 0.1 cpus fit exactly in 4 cpus,
/// where doubles would leave 4.000000000000001 and refuse the last task.
/// </summary>
public readonly record struct ScalarValue(long Milli) : IComparable<ScalarValue>
{
    public const long Scale = 1000;

    /// <summary>
    /// The largest amount we accept: 2^40 (an exbibyte in MB, Mesos' own quota maximum for mem and
    /// disk). Far beyond any machine, and 8,000 of them still sum without overflow.
    /// </summary>
    public static readonly ScalarValue Max = new((1L << 40) * Scale);

    /// <summary>The smallest step, as in Mesos: values are kept to three decimals.</summary>
    public const double Granularity = 0.001;

    public static readonly ScalarValue Zero = new(0);

    public double Value => (double)Milli / Scale;

    public bool IsZero => Milli == 0;

    /// <summary>
    /// Why <paramref name="value"/> is no amount a caller may give (null when it is one): Mesos'
    /// scalar rules — finite, not negative, 0 or not rounding to 0 at three decimals — and at most
    /// <see cref="Max"/>. The one check for resources on the wire and for quota (a job's resources use the
    /// same bounds, with a floor of <see cref="Granularity"/> for cpus).
    /// </summary>
    public static string? Problem(double value)
    {
        if (!double.IsFinite(value)) return "must be a finite number";
        if (value < 0) return "must not be negative";
        if (value != 0 && value < Granularity / 2)
            return $"must be 0 or at least {Granularity} (amounts are kept to three decimals; " +
                $"{value.ToString(CultureInfo.InvariantCulture)} rounds to 0)";
        if (value > Max.Value) return $"must be at most {Max} (2^40)";
        return null;
    }

    /// <summary>Rounds <paramref name="value"/> to three decimals; rejects NaN, infinities and overflow.</summary>
    public static ScalarValue FromDouble(double value)
    {
        if (!double.IsFinite(value))
            throw new ResourceInvariantException(
                $"scalar value {value.ToString(CultureInfo.InvariantCulture)} is not a finite number");
        var scaled = Math.Round(value * Scale, MidpointRounding.AwayFromZero);
        if (Math.Abs(scaled) > Max.Milli)
            throw new ResourceInvariantException(
                $"scalar value {value.ToString(CultureInfo.InvariantCulture)} is too large");
        return new ScalarValue((long)scaled);
    }

    public static ScalarValue operator +(ScalarValue a, ScalarValue b) => new(a.Milli + b.Milli);

    public static ScalarValue operator -(ScalarValue a, ScalarValue b) => new(a.Milli - b.Milli);

    public static bool operator <(ScalarValue a, ScalarValue b) => a.Milli < b.Milli;

    public static bool operator >(ScalarValue a, ScalarValue b) => a.Milli > b.Milli;

    public static bool operator <=(ScalarValue a, ScalarValue b) => a.Milli <= b.Milli;

    public static bool operator >=(ScalarValue a, ScalarValue b) => a.Milli >= b.Milli;

    public static ScalarValue Min(ScalarValue a, ScalarValue b) => a.Milli <= b.Milli ? a : b;

    public int CompareTo(ScalarValue other) => Milli.CompareTo(other.Milli);

    /// <summary>Shortest decimal form: <c>4</c>, <c>0.5</c>, <c>0.001</c>.</summary>
    public override string ToString() => ((decimal)Milli / Scale).ToString("0.###", CultureInfo.InvariantCulture);
}
