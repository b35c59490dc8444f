using Microsoft.AspNetCore.Http.Extensions;

namespace TongkuangAlliance.Web.Features.Shared;

/// <summary>What the _Pager partial needs: the position and the current query, to keep filters across pages.</summary>
public sealed class PagerModel
{
    public required int Page { get; init; }
    public required int PageCount { get; init; }
    public required int TotalCount { get; init; }
    public required string Path { get; init; }
    public required IReadOnlyDictionary<string, string?> Query { get; init; }

    public static PagerModel For<T>(PagedList<T> list, HttpRequest request) => new()
    {
        Page = list.Page,
        PageCount = list.PageCount,
        TotalCount = list.TotalCount,
        Path = request.PathBase + request.Path,
        Query = request.Query.Where(q => q.Key != "page").ToDictionary(q => q.Key, q => (string?)q.Value.ToString()),
    };

    public string UrlFor(int page)
    {
        var query = new QueryBuilder(Query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => new KeyValuePair<string, string>(q.Key, q.Value!)))
        {
            { "page", page.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return Path + query.ToQueryString();
    }
}
