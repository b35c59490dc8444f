namespace TongkuangAlliance.Web.Features.Dashboards;

/// <summary>
/// Competition ranking (issue 19): rows with the same rate, as the page shows it (0.1 %), share a rank and the next
/// rank skips (1, 1, 3); the view marks a shared rank 并列. Names order the tied rows, they do not rank them.
/// </summary>
public static class Ranking
{
    public static void Assign<T>(IEnumerable<T> rows, Func<T, double?> rate, Func<T, string> name, Action<T, int> setRank)
    {
        var ordered = rows.Select(r => (Row: r, Key: Math.Round((rate(r) ?? 0) * 1000)))
            .OrderByDescending(x => x.Key).ThenBy(x => name(x.Row), StringComparer.Ordinal).ToList();
        var rank = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            if (i == 0 || ordered[i].Key != ordered[i - 1].Key) rank = i + 1;
            setRank(ordered[i].Row, rank);
        }
    }

    /// <summary>"1（并列）" when another row holds the same rank; "—" when not ranked.</summary>
    public static string Text(int? rank, IEnumerable<int?> allRanks, IStringLocalizer localizer) => rank switch
    {
        null => "—",
        { } r when allRanks.Count(x => x == r) > 1 => localizer["Dashboard.RankTied", r],
        { } r => r.ToString(CultureInfo.InvariantCulture),
    };
}
