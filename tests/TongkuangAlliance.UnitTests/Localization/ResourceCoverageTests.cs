using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TongkuangAlliance.UnitTests.Localization;

/// <summary>
/// Every resource key exists in Chinese and in English, and every key the code asks for exists —
/// so no page ever shows a raw key or a string in only one language.
/// </summary>
public sealed partial class ResourceCoverageTests
{
    private static readonly string Root = FindRoot();
    private static readonly string Resources = Path.Combine(Root, "src", "TongkuangAlliance.Web", "Resources");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TongkuangAlliance.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }

    private static Dictionary<string, string> Read(string culture) =>
        XDocument.Load(Path.Combine(Resources, $"SharedResource.{culture}.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [GeneratedRegex(@"(?:\bL|\bl)\[\s*""([A-Za-z0-9_.\-]+)""|(?:ErrorMessage|Name)\s*=\s*""([A-Z][A-Za-z0-9_]*\.[A-Za-z0-9_.\-]+)""|DomainException\(\s*""([A-Za-z0-9_.\-]+)""")]
    private static partial Regex KeyUse();

    [Fact]
    public void Both_languages_have_the_same_keys_and_no_empty_text()
    {
        var zh = Read("zh-CN");
        var en = Read("en");
        Assert.Empty(zh.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(zh.Keys));
        Assert.Empty(zh.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key));
        Assert.Empty(en.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key));
    }

    [Fact]
    public void Every_key_used_in_the_code_exists()
    {
        var zh = Read("zh-CN");
        var used = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups.Values.Skip(1).First(g => g.Success).Value)))
            .Where(u => !u.Key.EndsWith('.')) // prefixes completed at run time, e.g. "Role." + role
            .ToList();

        Assert.NotEmpty(used);
        var missing = used.Where(u => !zh.ContainsKey(u.Key)).Select(u => $"{u.Key} ({u.File})").Distinct().ToList();
        Assert.True(missing.Count == 0, "Keys used but not in the resources:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Enum_names_shown_to_users_have_keys()
    {
        var zh = Read("zh-CN");
        foreach (var role in Enum.GetNames<TongkuangAlliance.Core.Identity.PortalRole>())
            Assert.True(zh.ContainsKey("Role." + role), "Role." + role);
    }

    [Fact]
    public void Chinese_texts_are_chinese_and_english_texts_are_not()
    {
        var zh = Read("zh-CN");
        var en = Read("en");
        var han = new Regex(@"\p{IsCJKUnifiedIdeographs}");
        Assert.Empty(en.Where(p => han.IsMatch(p.Value) && !p.Key.StartsWith("Portal.", StringComparison.Ordinal)).Select(p => p.Key));
        // A Chinese text without a single Chinese character is almost always an untranslated copy.
        Assert.Empty(zh.Where(p => !han.IsMatch(p.Value) && p.Value.Any(char.IsLetter) && p.Value == en[p.Key]).Select(p => p.Key));
    }
}
