using Tessera.Core.Resources;

namespace Tessera.Core.Tests.Resources;

public sealed class RangeSetTests
{
    [Fact]
    public void CoalescesAdjacentRanges()
    {
        var set = RangeSet.Of(new ValueRange(6, 8), new ValueRange(1, 5));
        Assert.Equal("[1-8]", set.ToString());
        Assert.Equal(8UL, set.Count);
    }

    [Fact]
    public void RejectsOverlap()
    {
        Assert.Throws<ResourceInvariantException>(() => RangeSet.Of(new ValueRange(1, 5), new ValueRange(5, 9)));
        Assert.Throws<ResourceInvariantException>(() => RangeSet.Of(new ValueRange(1, 5)).Add(RangeSet.Of(new ValueRange(3, 4))));
    }

    [Fact]
    public void SubtractsHolesFromTheMiddle()
    {
        var set = RangeSet.Of(new ValueRange(31000, 32000));
        var left = set.Subtract(RangeSet.Of(new ValueRange(31000, 31000), new ValueRange(31500, 31599)));
        Assert.Equal("[31001-31499, 31600-32000]", left.ToString());
        Assert.Equal(900UL, left.Count);
        Assert.Equal(set, left.Add(RangeSet.Of(new ValueRange(31000, 31000), new ValueRange(31500, 31599))));
    }

    [Fact]
    public void SubtractingWhatIsNotHeldThrows() =>
        Assert.Throws<ResourceInvariantException>(() => RangeSet.Of(new ValueRange(1, 5)).Subtract(RangeSet.Of(new ValueRange(5, 6))));

    [Fact]
    public void ContainsChecksEveryRange()
    {
        var set = RangeSet.Of(new ValueRange(1, 5), new ValueRange(10, 20));
        Assert.True(set.Contains(RangeSet.Of(new ValueRange(2, 3), new ValueRange(10, 20))));
        Assert.False(set.Contains(RangeSet.Of(new ValueRange(5, 10))));
        Assert.True(set.Contains(RangeSet.Empty));
    }

    [Fact]
    public void TakeReturnsLowestIntegers() =>
        Assert.Equal("[1-5, 10-11]", RangeSet.Of(new ValueRange(1, 5), new ValueRange(10, 20)).Take(7).ToString());
}
