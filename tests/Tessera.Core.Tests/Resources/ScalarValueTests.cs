using Tessera.Core.Resources;

namespace Tessera.Core.Tests.Resources;

public sealed class ScalarValueTests
{
    [Fact]
    public void FortyTenthsOfACpuFitInFourCpus()
    {
        var agent = ResourceSet.Parse("cpus:4");
        var used = ResourceSet.Empty;
        for (var i = 0; i < 40; i++)
            used += Resource.OfScalar("cpus", 0.1);
        Assert.True(agent.Contains(used));
        Assert.True((agent - used).IsEmpty);
    }

    [Theory]
    [InlineData(0.0004, 0)]
    [InlineData(0.0005, 1)]
    [InlineData(1.2345, 1235)]
    [InlineData(4, 4000)]
    public void RoundsToThreeDecimals(double value, long milli) => Assert.Equal(milli, ScalarValue.FromDouble(value).Milli);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e30)]
    public void RejectsNonFiniteAndHugeValues(double value) =>
        Assert.Throws<ResourceInvariantException>(() => ScalarValue.FromDouble(value));

    [Theory]
    [InlineData(4, "4")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.001, "0.001")]
    [InlineData(8192.25, "8192.25")]
    public void PrintsShortestForm(double value, string text) => Assert.Equal(text, ScalarValue.FromDouble(value).ToString());

    [Theory]
    [InlineData(0.0, null)]
    [InlineData(0.0005, null)]
    [InlineData(1099511627776.0, null)]
    [InlineData(0.0004, "rounds to 0")]
    [InlineData(1e-320, "rounds to 0")]
    [InlineData(-1.0, "negative")]
    [InlineData(double.NaN, "finite")]
    [InlineData(double.PositiveInfinity, "finite")]
    [InlineData(1e308, "at most 1099511627776")]
    public void MesosScalarRulesAreOneCheck(double value, string? problem)
    {
        var found = ScalarValue.Problem(value);

        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found);
    }
}
