using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace TongkuangAlliance.IntegrationTests.Features;

/// <summary>Reads what a browser would submit from the page's main form, so a test changes only the fields it means to.</summary>
public static class FormValues
{
    public static Dictionary<string, string> Read(IHtmlDocument document, string selector = "main form[method=post]")
    {
        var form = document.QuerySelector(selector) ?? throw new InvalidOperationException($"No form matches {selector}");
        var values = new Dictionary<string, string>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            if (name == "__RequestVerificationToken") continue;
            values[name] = element switch
            {
                IHtmlSelectElement select => select.QuerySelector("option[selected]")?.GetAttribute("value") ?? select.Value ?? "",
                IHtmlTextAreaElement area => area.Value,
                _ => element.GetAttribute("value") ?? "",
            };
        }
        return values;
    }

    /// <summary>The texts of the table rows in the page's main content.</summary>
    public static List<string> RowTexts(IHtmlDocument document) =>
        document.QuerySelectorAll("main table tbody tr").Select(r => r.TextContent).ToList();

    /// <summary>The first cell's text of each row: the record's name in the lists.</summary>
    public static List<string> FirstCells(IHtmlDocument document) =>
        document.QuerySelectorAll("main table tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();

    public static string? Href(IElement? element) => element?.GetAttribute("href");
}
