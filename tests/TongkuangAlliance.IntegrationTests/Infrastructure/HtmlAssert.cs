using AngleSharp.Html.Dom;

namespace TongkuangAlliance.IntegrationTests.Infrastructure;

public static class HtmlAssert
{
    /// <summary>The validation message shown next to a field (asp-validation-for).</summary>
    public static string FieldError(IHtmlDocument document, string field) =>
        document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    /// <summary>The form's validation summary (errors not tied to a field).</summary>
    public static string Summary(IHtmlDocument document) =>
        document.QuerySelector(".validation-summary-errors")?.TextContent.Trim() ?? "";

    public static string MainText(IHtmlDocument document) => document.QuerySelector("main")?.TextContent ?? "";
}
