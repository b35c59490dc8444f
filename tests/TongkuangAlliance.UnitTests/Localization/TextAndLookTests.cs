using System.Xml.Linq;

namespace TongkuangAlliance.UnitTests.Localization;

/// <summary>Issue 20, findings 18, 19 and 21: what the texts say and which characters the views rely on.</summary>
public sealed class TextAndLookTests
{
    private static readonly string Root = FindRoot();
    private static readonly string Web = Path.Combine(Root, "src", "TongkuangAlliance.Web");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TongkuangAlliance.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }

    private static Dictionary<string, string> Read(string culture) =>
        XDocument.Load(Path.Combine(Web, "Resources", $"SharedResource.{culture}.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void Finding_18_no_chinese_text_doubles_a_word_by_mistake()
    {
        var doubled = Read("zh-CN").Where(e => e.Value.Contains("按按", StringComparison.Ordinal)).Select(e => e.Key).ToList();
        Assert.Empty(doubled);
    }

    [Fact]
    public void Finding_21_the_sign_in_page_names_who_opens_each_kind_of_account()
    {
        var zh = Read("zh-CN")["SignIn.NoRegistration"];
        Assert.Contains("街道党工委", zh, StringComparison.Ordinal);
        Assert.Contains("社区", zh.Replace("街道党工委", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("志愿者", zh, StringComparison.Ordinal);
        var en = Read("en")["SignIn.NoRegistration"];
        Assert.Contains("sub-district", en, StringComparison.Ordinal);
        Assert.Contains("volunteer", en, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("community", en, StringComparison.Ordinal);
    }

    /// <summary>Clock and hourglass symbols and anything outside the Basic Multilingual Plane (emoji) need an emoji font, which office PCs often lack.</summary>
    private static bool NeedsEmojiFont(string text, int i) =>
        char.IsSurrogate(text[i]) || text[i] is >= '\u231A' and <= '\u231B' || text[i] is >= '\u23E9' and <= '\u23FA';

    [Fact]
    public void Finding_19_views_use_no_symbol_that_needs_an_emoji_font()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(Web, "Features"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f =>
            {
                var text = File.ReadAllText(f);
                return Enumerable.Range(0, text.Length).Where(i => NeedsEmojiFont(text, i))
                    .Select(i => $"{Path.GetFileName(f)}: U+{(int)text[i]:X4}");
            })
            .Distinct().ToList();
        Assert.Empty(offenders);
    }
}
