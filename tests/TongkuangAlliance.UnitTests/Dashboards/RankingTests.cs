using Microsoft.Extensions.Localization;
using Moq;
using TongkuangAlliance.Web.Features.Dashboards;

namespace TongkuangAlliance.UnitTests.Dashboards;

/// <summary>Issue 19: six communities at 100.0 % were ranked 1–6 by code point; equal rates share a rank (1, 1, 3).</summary>
public sealed class RankingTests
{
    private sealed class Row(string name, double? rate)
    {
        public string Name { get; } = name;
        public double? Rate { get; } = rate;
        public int? Rank { get; set; }
    }

    [Fact]
    public void Equal_rates_share_a_rank_and_the_next_rank_skips()
    {
        Row[] rows = [new("北区", 1.0), new("东区", 6 / 6.0), new("南区", 0.9), new("西区", 2 / 3.0), new("新村", 4 / 6.0), new("铜城", 0.5)];
        Ranking.Assign(rows, r => r.Rate, r => r.Name, (r, rank) => r.Rank = rank);
        Assert.Equal([1, 1, 3, 4, 4, 6], rows.Select(r => r.Rank!.Value));
    }

    [Fact]
    public void Rates_the_page_shows_alike_are_tied()
    {
        Row[] rows = [new("a", 0.66666), new("b", 0.66671), new("c", 0.6)];
        Ranking.Assign(rows, r => r.Rate, r => r.Name, (r, rank) => r.Rank = rank);
        Assert.Equal([1, 1, 3], rows.Select(r => r.Rank!.Value));
    }

    [Fact]
    public void A_shared_rank_is_shown_as_tied()
    {
        var localizer = new Mock<IStringLocalizer>();
        localizer.Setup(l => l["Dashboard.RankTied", It.IsAny<object[]>()])
            .Returns((string key, object[] args) => new LocalizedString(key, $"{args[0]}（并列）"));
        int?[] ranks = [1, 1, 3, null];
        Assert.Equal("1（并列）", Ranking.Text(1, ranks, localizer.Object));
        Assert.Equal("3", Ranking.Text(3, ranks, localizer.Object));
        Assert.Equal("—", Ranking.Text(null, ranks, localizer.Object));
    }
}
